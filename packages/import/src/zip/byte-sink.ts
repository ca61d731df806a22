/** Where a file's bytes go, in order; `patch` rewrites bytes already written (ZIP CRCs). */
export interface ByteSink {
  write(chunk: Uint8Array): void;
  /** Bytes written so far (the offset of the next write). */
  readonly position: number;
  /** Overwrites `bytes.length` already-written bytes at `offset`. */
  patch(offset: number, bytes: Uint8Array): void;
}

/** A ByteSink collecting chunks in memory; patches may only touch chunks the writer owns (headers). */
export function memorySink(): ByteSink & { bytes(): Uint8Array } {
  const chunks: { at: number; data: Uint8Array }[] = [];
  let position = 0;
  return {
    write(chunk) {
      chunks.push({ at: position, data: chunk });
      position += chunk.length;
    },
    get position() {
      return position;
    },
    patch(offset, bytes) {
      for (const c of chunks) {
        const from = Math.max(offset, c.at);
        const to = Math.min(offset + bytes.length, c.at + c.data.length);
        if (from < to) c.data.set(bytes.subarray(from - offset, to - offset), from - c.at);
      }
    },
    bytes: () => Buffer.concat(chunks.map((c) => c.data)),
  };
}
