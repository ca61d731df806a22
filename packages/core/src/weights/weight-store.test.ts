import { describe, expect, it } from 'vitest';
import { apFixed, apInt, apUfixed, apUint } from '../fixed/type-constructors';
import type { FixedType } from '../fixed/fixed-type';
import { rawMaxBig, rawMinBig } from '../fixed/type-range';
import { decodeWeightStore, decodeWeightStoreHex } from './decode-weight-store';
import { encodeWeightStore } from './encode-weight-store';

/** xorshift64*: reproducible bigints. */
function rng(seed: bigint) {
  let s = seed || 1n;
  const next = () => {
    s ^= s >> 12n;
    s ^= BigInt.asUintN(64, s << 25n);
    s ^= s >> 27n;
    return BigInt.asUintN(64, s * 2685821657736338717n);
  };
  return { next, int: (n: number) => Number(next() % BigInt(n)), below: (n: bigint) => next() % n };
}

function randomTensor(t: FixedType, shape: number[], density: number, r: ReturnType<typeof rng>): bigint[] {
  const lo = rawMinBig(t);
  const span = rawMaxBig(t) - lo + 1n;
  const n = shape.reduce((a, b) => a * b, 1);
  return Array.from({ length: n }, () => (r.int(1000) < density * 1000 ? lo + r.below(span) : 0n));
}

/** Every width 1..64, signed and unsigned, fixed (several I) and integer types. */
function allTypes(): FixedType[] {
  const out: FixedType[] = [];
  for (let w = 1; w <= 64; w++) {
    out.push(apUfixed(w, w >> 1), apUint(w), apFixed(w, Math.max(1, w - 3)), apFixed(w, -2));
    if (w >= 2) out.push(apInt(w));
  }
  return out;
}

describe('compressed weight store', () => {
  it('round trip: .bin and .hex give back every raw bit, for every width and signedness', () => {
    const r = rng(20240611n);
    let cases = 0;
    for (const t of allTypes()) {
      const shape = [
        [1 + r.int(5), 1 + r.int(7)],
        [3, 3, 1 + r.int(3), 1 + r.int(4)],
        [1 + r.int(300), 1],
      ][r.int(3)]!;
      const raws = randomTensor(t, shape, [0, 0.05, 0.3, 1][r.int(4)]!, r);
      const biasType = [apFixed(8, 3), apUfixed(13, 2), apInt(64)][r.int(3)]!;
      const bias = randomTensor(biasType, [shape[shape.length - 1]!], 0.8, r);
      const enc = encodeWeightStore({
        layer: 'l',
        op: 'Dense',
        shape,
        type: t,
        raws,
        bias: { type: biasType, raws: bias },
        baseOffset: 17,
      });
      const meta = JSON.parse(JSON.stringify(enc.metadata)) as unknown;
      const fromBin = decodeWeightStore({
        metadata: meta,
        indices: enc.indices,
        values: enc.values,
        bias: enc.bias!,
      });
      const fromHex = decodeWeightStoreHex({ metadata: meta, entries: enc.hex.entries, bias: enc.hex.bias! });
      expect(fromBin.raws).toEqual(raws);
      expect(fromHex.raws).toEqual(raws);
      expect(fromBin.bias!.raws).toEqual(bias);
      expect(fromHex.bias!.raws).toEqual(bias);
      expect(enc.metadata.nnz).toBe(raws.filter((v) => v !== 0n).length);
      cases++;
    }
    expect(cases).toBe(64 * 4 + 63);
  });

  it('lays out segments per output channel, indices ascending, widths as documented', () => {
    // Dense 3 inputs x 2 outputs, ap_fixed<5,2>: w[i][o] with o fastest
    const raws = [0, -3, 7, 0, -16, 1];
    const enc = encodeWeightStore({
      layer: 'fc',
      op: 'Dense',
      shape: [3, 2],
      type: apFixed(5, 2),
      raws,
      baseOffset: 4,
    });
    expect(enc.metadata).toMatchObject({
      fan_in: 3,
      channels: 2,
      nnz: 4,
      base_offset: 4,
      value: { type: 'ap_fixed<5,2>', width: 5, signed: true, frac_bits: 3, bytes: 1 },
      index: { width: 2, bytes: 1 },
      segment: { offset_width: 3, length_width: 2 },
      channel_segments: [
        { channel: 0, offset: 0, length: 2 },
        { channel: 1, offset: 2, length: 2 },
      ],
      bias: null,
    });
    expect(Array.from(enc.indices)).toEqual([1, 2, 0, 2]);
    expect(Array.from(enc.values)).toEqual([7, 0xf0, 0xfd, 1]); // 7, -16, -3, 1 as bytes
    expect(enc.hex.values.split('\n').slice(1, 5)).toEqual(['07', '10', '1d', '01']); // 5-bit patterns
    expect(enc.hex.entries.split('\n').slice(1, 5)).toEqual(['27', '50', '1d', '41']); // {index[2], value[5]}
    expect(enc.hex.segments.split('\n').slice(1, 3)).toEqual(['02', '0a']); // {offset[3], length[2]}
    // wide values: 8 bytes, two's complement
    const wide = encodeWeightStore({ layer: 'w', op: 'Dense', shape: [1, 1], type: apInt(40), raws: [-2n] });
    expect(Array.from(wide.values)).toEqual([0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    expect(wide.hex.values.split('\n')[1]).toBe('fffffffffe');
  });

  it('refuses inconsistent files in one line naming the file and place', () => {
    const enc = encodeWeightStore({
      layer: 'fc',
      op: 'Dense',
      shape: [4, 2],
      type: apFixed(8, 3),
      raws: [1, 0, 0, 2, 3, 0, 0, 4],
    });
    const meta = JSON.parse(JSON.stringify(enc.metadata)) as Record<string, unknown>;
    const dec =
      (m: unknown, values = enc.values, indices = enc.indices) =>
      () =>
        decodeWeightStore({ metadata: m, indices, values });
    expect(dec({ ...meta, version: 2 })).toThrow(
      'weights_metadata.json#/version: version 2 is not supported; this reader reads version 1',
    );
    expect(dec({ ...meta, nnz: 5 })).toThrow(
      'weights_metadata.json#/channel_segments: segments hold 4 entries but nnz is 5',
    );
    expect(dec({ ...meta, nnz: 8 })).toThrow('weights_metadata.json#/segment: ');
    expect(dec({ ...meta, value: { ...(meta['value'] as object), bytes: 2 } })).toThrow(
      'weights_metadata.json#/value/bytes: 2 disagrees with ap_fixed<8,3> (bytes 1)',
    );
    expect(dec({ ...meta, fan_in: 3 })).toThrow(
      'weights_metadata.json#/fan_in: 3 disagrees with shape [4, 2] (4)',
    );
    expect(dec(meta, enc.values.slice(0, 3))).toThrow(
      'weights_values.bin: holds 3 entries; the metadata says nnz 4',
    );
    expect(dec(meta, enc.values, Uint8Array.from([0, 0, 1, 3]))).toThrow(
      'weights_values.bin: entry 1: index 0 of channel 0 is not in 1..3',
    );
    expect(dec(meta, Uint8Array.from([1, 0, 2, 4]))).toThrow(
      'entry 1: value is 0 (the store holds non-zero weights only)',
    );
    expect(() => decodeWeightStoreHex({ metadata: meta, entries: '// x\nzz\n' })).toThrow(
      'weights_entries.hex:2: "zz" is not a hex word',
    );
    expect(() => decodeWeightStoreHex({ metadata: meta, entries: 'fff\n' })).toThrow(
      'weights_entries.hex:1: fff does not fit 10 bits',
    );
    expect(() =>
      encodeWeightStore({ layer: 'fc', op: 'Dense', shape: [2, 2], type: apFixed(4, 2), raws: [1, 2, 3, 8] }),
    ).toThrow('layer "fc": weights[3] raw 8 is not an integer in -8..7');
  });
});
