// numpy's `default_rng(seed)` stream (PCG64, XSL-RR output) rebuilt from its published algorithm, so
// the benchmark workloads can be regenerated in Node exactly as numpy draws them: the seed is hashed
// by SeedSequence into 4 x 64 bits, which become PCG64's 128-bit state and increment.
// The 128-bit LCG step runs on eight 16-bit limbs in plain numbers (every partial product < 2^32).

const MULT = limbs(0x2360ed051fc65da44385df649fccf645n);

// SeedSequence constants (numpy/random/bit_generator.pyx).
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const POOL_SIZE = 4;

function limbs(v: bigint): Float64Array {
  const out = new Float64Array(8);
  for (let i = 0; i < 8; i++) out[i] = Number((v >> BigInt(16 * i)) & 0xffffn);
  return out;
}

/** SeedSequence(seed).generate_state(4, uint64) for a non-negative integer seed. */
export function seedSequenceState(seed: number | bigint): bigint[] {
  let entropy = BigInt(seed);
  if (entropy < 0n) throw new RangeError(`seed must be non-negative, got ${seed}`);
  const words: number[] = [];
  do {
    words.push(Number(entropy & 0xffffffffn));
    entropy >>= 32n;
  } while (entropy > 0n);
  let hashConst = INIT_A;
  const hashmix = (value: number): number => {
    value = (value ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_A) >>> 0;
    value = Math.imul(value, hashConst) >>> 0;
    return (value ^ (value >>> 16)) >>> 0;
  };
  const mix = (x: number, y: number): number => {
    const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
    return (r ^ (r >>> 16)) >>> 0;
  };
  const pool = new Array<number>(POOL_SIZE);
  for (let i = 0; i < POOL_SIZE; i++) pool[i] = hashmix(i < words.length ? words[i]! : 0);
  for (let src = 0; src < POOL_SIZE; src++)
    for (let dst = 0; dst < POOL_SIZE; dst++)
      if (src !== dst) pool[dst] = mix(pool[dst]!, hashmix(pool[src]!));
  for (let src = POOL_SIZE; src < words.length; src++)
    for (let dst = 0; dst < POOL_SIZE; dst++) pool[dst] = mix(pool[dst]!, hashmix(words[src]!));
  // generate_state: 8 uint32 words drawn cyclically from the pool, read as 4 little-endian uint64.
  let hc = INIT_B;
  const state32: number[] = [];
  for (let i = 0; i < 8; i++) {
    let v = (pool[i % POOL_SIZE]! ^ hc) >>> 0;
    hc = Math.imul(hc, MULT_B) >>> 0;
    v = Math.imul(v, hc) >>> 0;
    state32.push((v ^ (v >>> 16)) >>> 0);
  }
  return [0, 1, 2, 3].map((k) => BigInt(state32[2 * k]!) | (BigInt(state32[2 * k + 1]!) << 32n));
}

/** numpy.random.Generator(PCG64(seed)): the draws the workload generator needs. */
export class Pcg64 {
  private readonly s = new Float64Array(8);
  private readonly inc: Float64Array;
  private readonly acc = new Float64Array(8);
  private hasUint32 = false;
  private uinteger = 0;
  /** The last 64-bit output as two uint32 halves. */
  private outHi = 0;
  private outLo = 0;

  constructor(seed: number | bigint) {
    const [s0, s1, i0, i1] = seedSequenceState(seed) as [bigint, bigint, bigint, bigint];
    const mask128 = (1n << 128n) - 1n;
    const initState = (s0 << 64n) | s1;
    const initSeq = (i0 << 64n) | i1;
    const inc = ((initSeq << 1n) | 1n) & mask128;
    // pcg_setseq_128_srandom_r: state = 0; step; state += initstate; step.
    const m = 0x2360ed051fc65da44385df649fccf645n;
    let st = inc & mask128;
    st = (st + initState) & mask128;
    st = (st * m + inc) & mask128;
    this.inc = limbs(inc);
    this.s.set(limbs(st));
  }

  /** The 128-bit state as a bigint (tests compare it with numpy's `bit_generator.state`). */
  get state(): bigint {
    let v = 0n;
    for (let i = 7; i >= 0; i--) v = (v << 16n) | BigInt(this.s[i]!);
    return v;
  }

  private step(): void {
    const s = this.s;
    const acc = this.acc;
    for (let k = 0; k < 8; k++) acc[k] = this.inc[k]!;
    for (let i = 0; i < 8; i++) {
      const si = s[i]!;
      if (si === 0) continue;
      for (let j = 0; j < 8 - i; j++) acc[i + j]! += si * MULT[j]!;
    }
    let carry = 0;
    for (let k = 0; k < 8; k++) {
      const v = acc[k]! + carry;
      const lo = v % 65536;
      s[k] = lo;
      carry = (v - lo) / 65536;
    }
    // XSL-RR: (high 64 xor low 64) rotated right by the top 6 bits of the state.
    const xHi = ((s[7]! * 65536 + s[6]!) ^ (s[3]! * 65536 + s[2]!)) >>> 0;
    const xLo = ((s[5]! * 65536 + s[4]!) ^ (s[1]! * 65536 + s[0]!)) >>> 0;
    const rot = s[7]! >>> 10;
    if (rot === 0) {
      this.outHi = xHi;
      this.outLo = xLo;
    } else if (rot === 32) {
      this.outHi = xLo;
      this.outLo = xHi;
    } else if (rot < 32) {
      this.outHi = ((xHi >>> rot) | (xLo << (32 - rot))) >>> 0;
      this.outLo = ((xLo >>> rot) | (xHi << (32 - rot))) >>> 0;
    } else {
      const r = rot - 32;
      this.outHi = ((xLo >>> r) | (xHi << (32 - r))) >>> 0;
      this.outLo = ((xHi >>> r) | (xLo << (32 - r))) >>> 0;
    }
  }

  /** next_uint64 as a bigint (tests only). */
  nextUint64(): bigint {
    this.step();
    return (BigInt(this.outHi) << 32n) | BigInt(this.outLo);
  }

  /** Generator.random(): (next_uint64 >> 11) * 2^-53. */
  random(): number {
    this.step();
    return (this.outHi * 2097152 + (this.outLo >>> 11)) * 1.1102230246251565e-16;
  }

  /** next_uint32: the low half of a 64-bit draw, the high half buffered for the next call. */
  nextUint32(): number {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    this.step();
    this.hasUint32 = true;
    this.uinteger = this.outHi;
    return this.outLo;
  }

  /** random_bounded_uint64(0, rng) for rng < 2^32 - 1: Lemire's method on 32-bit draws. */
  bounded(rng: number): number {
    if (rng === 0) return 0;
    if (!(rng > 0 && rng < 0xffffffff))
      throw new RangeError(`bounded draw range ${rng} is outside 1..2^32-2`);
    const excl = rng + 1;
    this.mul32(this.nextUint32(), excl);
    if (this.mulLo < excl) {
      const threshold = 4294967296 % excl;
      while (this.mulLo < threshold) this.mul32(this.nextUint32(), excl);
    }
    return this.mulHi;
  }

  private mulHi = 0;
  private mulLo = 0;

  /** The exact 64-bit product of two uint32 into mulHi (high 32 bits) and mulLo (low 32 bits). */
  private mul32(x: number, y: number): void {
    const a = (x & 0xffff) * y; // < 2^48
    const b = (x >>> 16) * y; // < 2^48, weighted by 2^16
    const bLo = b % 65536;
    const low = (a % 4294967296) + bLo * 65536;
    this.mulLo = low % 4294967296;
    this.mulHi = Math.floor(a / 4294967296) + (b - bLo) / 65536 + (low - this.mulLo) / 4294967296;
  }
}
