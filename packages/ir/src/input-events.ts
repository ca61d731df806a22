import { SparsePixelsError } from '@sparsepixels/core';
import { DIAGNOSTICS } from './diagnostics';

function fail(detail: string): never {
  const d = DIAGNOSTICS.eventSize.at('', detail);
  throw new SparsePixelsError(d.code, d.message);
}

/**
 * Input events read in slices, for event sets too large to hold in memory (a file read by byte
 * ranges, or events generated on demand). Consumers (test-bench writers, C simulation, profiling)
 * read batches in order and never keep more than a batch.
 */
export interface InputEvents {
  readonly count: number;
  /** Values per event (H*W*C, channels last). */
  readonly eventSize: number;
  /** Events [start, start + n) as real values, flattened. */
  read(start: number, n: number): ArrayLike<number>;
}

/** Events already in memory (eventSize values each, flattened). */
export function arrayEvents(values: ArrayLike<number>, eventSize: number): InputEvents {
  if (!(eventSize > 0) || values.length % eventSize !== 0)
    fail(`${values.length} values are not a whole number of events of ${eventSize} values`);
  const sub = (s: number, e: number): ArrayLike<number> =>
    ArrayBuffer.isView(values)
      ? (values as unknown as Float64Array).subarray(s, e)
      : Array.prototype.slice.call(values, s, e);
  return {
    count: values.length / eventSize,
    eventSize,
    read: (start, n) => sub(start * eventSize, (start + n) * eventSize),
  };
}

/** `events` as InputEvents: already one, or an in-memory array of eventSize values per event. */
export function toInputEvents(events: ArrayLike<number> | InputEvents, eventSize: number): InputEvents {
  if ('read' in events && typeof events.read === 'function') {
    const e = events as InputEvents;
    if (e.eventSize !== eventSize)
      fail(`the events have ${e.eventSize} values each; the model takes ${eventSize}`);
    return e;
  }
  return arrayEvents(events as ArrayLike<number>, eventSize);
}

/** The first `count` events of `events`. */
export function firstEvents(events: InputEvents, count: number): InputEvents {
  return count >= events.count
    ? events
    : { count, eventSize: events.eventSize, read: (s, n) => events.read(s, n) };
}

/** Walks `events` in batches of at most `batch` events: calls `fn(x, start, n)` for each. */
export function forEachBatch(
  events: InputEvents,
  batch: number,
  fn: (x: ArrayLike<number>, start: number, n: number) => void,
): void {
  for (let start = 0; start < events.count; start += batch) {
    const n = Math.min(batch, events.count - start);
    fn(events.read(start, n), start, n);
  }
}

/**
 * Every value of `events` in memory: an array as it is, InputEvents read in one slice (for
 * consumers that take whole event sets, such as the RTL backend's test bench).
 */
export function allEventValues(events: ArrayLike<number> | InputEvents): ArrayLike<number> {
  if ('read' in events && typeof events.read === 'function') {
    const e = events as InputEvents;
    return e.read(0, e.count);
  }
  return events as ArrayLike<number>;
}
