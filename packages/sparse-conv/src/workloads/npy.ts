// Minimal writers for numpy's .npy (format 1.0) and for the .npz that scipy.sparse.save_npz writes
// for a CSR matrix (an uncompressed zip of indices, indptr, format, shape, data), so that the
// workload folders can be read by the Python side of a side-by-side run as well.

type NpyArray = Int32Array | Float64Array | BigInt64Array;

function descr(a: NpyArray): string {
  if (a instanceof Int32Array) return '<i4';
  if (a instanceof Float64Array) return '<f8';
  return '<i8';
}

/** A .npy file: magic, version 1.0, a header dict padded to 64 bytes, then the raw little-endian data. */
export function npyBytes(a: NpyArray | string, shape: number[]): Uint8Array {
  const isStr = typeof a === 'string';
  const d = isStr ? `<U${a.length}` : descr(a);
  const shapeText =
    shape.length === 0 ? '()' : shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${d}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const pre = 10;
  header += ' '.repeat((64 - ((pre + header.length + 1) % 64)) % 64) + '\n';
  let body: Uint8Array;
  if (isStr) {
    body = new Uint8Array(4 * a.length); // UTF-32LE, ASCII only here
    for (let i = 0; i < a.length; i++) body[4 * i] = a.charCodeAt(i);
  } else body = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const out = new Uint8Array(pre + header.length + body.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 255, header.length >> 8]);
  for (let i = 0; i < header.length; i++) out[pre + i] = header.charCodeAt(i);
  out.set(body, pre + header.length);
  return out;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function crc32(b: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]!) & 255]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** An uncompressed zip ("stored") of the given files. */
export function zipStored(files: { name: string; data: Uint8Array }[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const f of files) {
    const name = new TextEncoder().encode(f.name);
    const crc = crc32(f.data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, f.data.length, true);
    local.setUint32(22, f.data.length, true);
    local.setUint16(26, name.length, true);
    parts.push(new Uint8Array(local.buffer), name, f.data);
    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, 20, true);
    cd.setUint16(6, 20, true);
    cd.setUint32(16, crc, true);
    cd.setUint32(20, f.data.length, true);
    cd.setUint32(24, f.data.length, true);
    cd.setUint16(28, name.length, true);
    cd.setUint32(42, offset, true);
    central.push(new Uint8Array(cd.buffer), name);
    offset += 30 + name.length + f.data.length;
  }
  const cdSize = central.reduce((s, p) => s + p.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** scipy.sparse.save_npz of a CSR matrix of shape (rows, cols). */
export function csrNpz(
  indptr: Int32Array,
  indices: Int32Array,
  data: Float64Array,
  rows: number,
  cols: number,
): Uint8Array {
  return zipStored([
    { name: 'indices.npy', data: npyBytes(indices, [indices.length]) },
    { name: 'indptr.npy', data: npyBytes(indptr, [indptr.length]) },
    { name: 'format.npy', data: npyBytes('csr', []) },
    { name: 'shape.npy', data: npyBytes(BigInt64Array.of(BigInt(rows), BigInt(cols)), [2]) },
    { name: 'data.npy', data: npyBytes(data, [data.length]) },
  ]);
}

/** The shape in a .npy header (used to read k.npy's kernel shape when meta.json does not give it). */
export function npyShape(bytes: Uint8Array): number[] {
  const len = bytes[8]! | (bytes[9]! << 8);
  const header = new TextDecoder().decode(bytes.subarray(10, 10 + len));
  const m = /'shape':\s*\(([^)]*)\)/.exec(header);
  if (!m) throw new Error('no shape in .npy header');
  return m[1]!
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
}
