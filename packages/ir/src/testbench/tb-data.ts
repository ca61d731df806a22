import { fracBits, SparsePixelsError } from '@sparsepixels/core';
import { toInputEvents, type InputEvents } from '../input-events';
import type { PreparedModel } from '../prepared-model';
import { rawToExactDecimal } from './exact-decimal';
import type { OutputSpec } from './parse-results';
import { interpretEvents } from './reference';

/** Events formatted per piece: the text of a whole test bench may exceed a JavaScript string. */
export const TB_BATCH = 256;

function eventLine(x: ArrayLike<number>, off: number, size: number, zeros: string, event: number): string {
  // sparse events are mostly zeros: runs of "0 " are sliced from one prepared string
  let s = '';
  let run = 0;
  for (let k = 0; k < size; k++) {
    const v = x[off + k]!;
    if (v === 0) {
      run++;
      continue;
    }
    if (!Number.isFinite(v)) {
      throw new SparsePixelsError('SP_CSIM_EVENTS', `input value ${v} is not a finite number`, `event ${event}`);
    }
    s += zeros.slice(0, 2 * run) + String(v) + ' ';
    run = 0;
  }
  s += zeros.slice(0, 2 * run);
  return s.slice(0, -1);
}

/**
 * tb_input_features.dat: one event per line, its values space-separated in the shortest form that
 * parses back (strtod / Number) to exactly the same double, so the test bench and the interpreter
 * start from identical inputs. Written through `write` a batch of events at a time.
 */
export function writeInputEvents(
  events: InputEvents,
  write: (chunk: string) => void,
  onBatch: (done: number) => void = () => undefined,
  batch = TB_BATCH,
): void {
  const size = events.eventSize;
  const zeros = '0 '.repeat(size);
  for (let start = 0; start < events.count; start += batch) {
    const n = Math.min(batch, events.count - start);
    const x = events.read(start, n);
    const lines: string[] = [];
    for (let e = 0; e < n; e++) lines.push(eventLine(x, e * size, size, zeros, start + e));
    write(`${lines.join('\n')}\n`);
    onBatch(start + n);
  }
}

/** The whole input file as one string (small event sets). */
export function formatInputEvents(events: ArrayLike<number>, eventSize: number): string {
  if (eventSize <= 0 || events.length % eventSize !== 0) {
    throw new SparsePixelsError(
      'SP_CSIM_EVENTS',
      `${events.length} input values are not a whole number of events of ${eventSize} values`,
    );
  }
  const parts: string[] = [];
  writeInputEvents(toInputEvents(events, eventSize), (c) => parts.push(c));
  return parts.join('');
}

/** Parses tb_input_features.dat text back into one flat array (eventSize values per line). */
export function parseInputEvents(text: string, eventSize: number, file: string, firstLine = 1): Float64Array {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const out = new Float64Array(lines.length * eventSize);
  lines.forEach((line, e) => {
    const tokens = line.trim().split(/\s+/);
    if (tokens.length !== eventSize) {
      throw new SparsePixelsError('SP_CSIM_EVENTS', `line has ${tokens.length} values, expected ${eventSize}`, `${file}:${firstLine + e}`);
    }
    tokens.forEach((t, k) => {
      const v = Number(t);
      if (!Number.isFinite(v)) throw new SparsePixelsError('SP_CSIM_EVENTS', `"${t.slice(0, 20)}" is not a number`, `${file}:${firstLine + e}`);
      out[e * eventSize + k] = v;
    });
  });
  return out;
}

/** Output lines in the test bench's format: every output's values as exact decimals. */
export function formatOutputs(
  raws: readonly (readonly (readonly bigint[])[])[],
  outputs: readonly OutputSpec[],
): string {
  const lines = raws.map((event) =>
    event
      .map((values, o) => values.map((r) => rawToExactDecimal(r, fracBits(outputs[o]!.type))).join(' '))
      .join(' '),
  );
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** tb_output_predictions.dat: the interpreter's outputs, computed and written a batch at a time. */
export function writeOutputPredictions(
  prepared: PreparedModel,
  events: InputEvents,
  outputs: readonly OutputSpec[],
  write: (chunk: string) => void,
  onBatch: (done: number) => void = () => undefined,
  batch = TB_BATCH,
): void {
  for (let start = 0; start < events.count; start += batch) {
    const n = Math.min(batch, events.count - start);
    const x = Float64Array.from(events.read(start, n));
    write(formatOutputs(interpretEvents(prepared, x, events.eventSize).outputs, outputs));
    onBatch(start + n);
  }
}
