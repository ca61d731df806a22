/**
 * Little-endian integer words in byte arrays and hex words for `$readmemh`: the raw bit patterns
 * of the weight store (docs/weight-store.md). Pure functions over bytes and strings.
 */
import { SparsePixelsError } from '../errors';
import { hexDigits } from './weight-store-format';

/** Writes `values` as `bytes`-byte little-endian two's complement words. */
export function writeLeWords(values: readonly bigint[], bytes: number): Uint8Array {
  const out = new Uint8Array(values.length * bytes);
  values.forEach((v, k) => {
    let u = BigInt.asUintN(8 * bytes, v);
    for (let b = 0; b < bytes; b++, u >>= 8n) out[k * bytes + b] = Number(u & 0xffn);
  });
  return out;
}

/** Reads `bytes`-byte little-endian words, signed (two's complement) or not. */
export function readLeWords(data: Uint8Array, bytes: number, signed: boolean, what: string): bigint[] {
  if (data.length % bytes !== 0) {
    throw new SparsePixelsError(
      'SP_WEIGHT_STORE',
      `${data.length} bytes are not a whole number of ${bytes}-byte words`,
      what,
    );
  }
  const out = new Array<bigint>(data.length / bytes);
  for (let k = 0; k < out.length; k++) {
    let u = 0n;
    for (let b = bytes - 1; b >= 0; b--) u = (u << 8n) | BigInt(data[k * bytes + b]!);
    out[k] = signed ? BigInt.asIntN(8 * bytes, u) : u;
  }
  return out;
}

/** One word per line: the low `bits` bits of each value in hex (zero-padded), after a `//` header. */
export function formatReadmemh(values: readonly bigint[], bits: number, header: string): string {
  const digits = hexDigits(bits);
  const lines = values.map((v) => BigInt.asUintN(bits, v).toString(16).padStart(digits, '0'));
  return `// ${header}\n${lines.join('\n')}${lines.length ? '\n' : ''}`;
}

/**
 * Reads a `$readmemh` file as written by formatReadmemh (one word per line, `//` comments and blank
 * lines ignored; no `@address` jumps): the words as unsigned patterns, checked to fit `bits` bits.
 */
export function parseReadmemh(text: string, bits: number, what: string): bigint[] {
  const out: bigint[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (!line) return;
    if (!/^[0-9a-fA-F]+$/.test(line)) {
      throw new SparsePixelsError(
        'SP_WEIGHT_STORE',
        `"${line.slice(0, 20)}" is not a hex word`,
        `${what}:${i + 1}`,
      );
    }
    const v = BigInt(`0x${line}`);
    if (v >> BigInt(bits) !== 0n)
      throw new SparsePixelsError('SP_WEIGHT_STORE', `${line} does not fit ${bits} bits`, `${what}:${i + 1}`);
    out.push(v);
  });
  return out;
}
