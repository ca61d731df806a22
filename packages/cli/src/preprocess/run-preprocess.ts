import { SparsePixelsError } from '@sparsepixels/core';
import type { NpyArray } from '../io/npy';
import type { EventSource } from './event-source';
import type { Image, Step } from './image-steps';

/** Events per read: bounds the memory of large .h5 inputs. */
const CHUNK = 1024;

export interface PreprocessOptions {
  readonly start: number;
  readonly count?: number;
  readonly dtype: 'float32' | 'float64';
  readonly onProgress?: (done: number) => void;
}

export interface Preprocessed {
  /** (count, H, W, C) after the steps. */
  readonly x: NpyArray & { readonly shape: [number, number, number, number] };
  readonly y?: NpyArray;
}

/** The output [H, W, C] of the steps on one event, checking every step on the way (one-line refusals). */
export function outputShape(event: readonly [number, number, number], steps: readonly Step[]): [number, number, number] {
  let s: [number, number, number] = [...event];
  for (const step of steps) s = step.shape(...s);
  return s;
}

function concatLabels(parts: readonly NpyArray[], count: number): NpyArray | undefined {
  const first = parts[0];
  if (!first) return undefined;
  const size = first.shape.slice(1).reduce((p, d) => p * d, 1);
  const data = first.dtype === 'int32' ? new Int32Array(count * size) : first.dtype === 'int64' ? new BigInt64Array(count * size) : first.dtype === 'float32' ? new Float32Array(count * size) : first.dtype === 'float64' ? new Float64Array(count * size) : new Uint8Array(count * size);
  let at = 0;
  for (const p of parts) {
    (data as { set(a: ArrayLike<unknown>, o: number): void }).set(p.data as ArrayLike<unknown>, at);
    at += p.data.length;
  }
  return { dtype: first.dtype, shape: [count, ...first.shape.slice(1)], data };
}

/** Runs the steps, in order, on events [start, start + count) of `src`. */
export function runPreprocess(src: EventSource, steps: readonly Step[], o: PreprocessOptions): Preprocessed {
  const count = o.count ?? src.total - o.start;
  if (o.start + count > src.total || count < 1)
    throw new SparsePixelsError('SP_CLI_USAGE', `--start ${o.start} --count ${count} selects no events or more than the ${src.total} of '${src.xName}'`);
  const [h, w, c] = outputShape(src.event, steps);
  const size = h * w * c;
  const x = o.dtype === 'float32' ? new Float32Array(count * size) : new Float64Array(count * size);
  const labels: NpyArray[] = [];
  const [eh, ew, ec] = src.event;
  const inSize = eh * ew * ec;
  for (let done = 0; done < count; ) {
    const n = Math.min(CHUNK, count - done);
    const chunk = src.read(o.start + done, n);
    for (let e = 0; e < n; e++) {
      let img: Image = { h: eh, w: ew, c: ec, data: chunk.x.slice(e * inSize, (e + 1) * inSize) };
      for (const step of steps) img = step.apply(img);
      x.set(img.data, (done + e) * size);
    }
    if (chunk.y) labels.push(chunk.y);
    done += n;
    o.onProgress?.(done);
  }
  const y = concatLabels(labels, count);
  return { x: { dtype: o.dtype, shape: [count, h, w, c], data: x }, ...(y ? { y } : {}) };
}
