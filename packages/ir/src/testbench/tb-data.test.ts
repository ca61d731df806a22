import { arrayEvents } from '../input-events';
import { randomSparseEvents } from '../testing/random-events';
import { describe, expect, it } from 'vitest';
import { parseInputEvents, TB_BATCH, writeInputEvents } from './tb-data';

describe('test-bench data, written a batch at a time', () => {
  it('writes exactly one line per event, in pieces of at most TB_BATCH events, that parse back', () => {
    const x = randomSparseEvents({ h: 8, w: 8, count: 3 * TB_BATCH + 5, active: [0, 9], seed: 4 });
    const chunks: string[] = [];
    writeInputEvents(arrayEvents(x, 64), (c) => chunks.push(c));
    expect(chunks).toHaveLength(4);
    for (const c of chunks) expect(c.split('\n').length - 1).toBeLessThanOrEqual(TB_BATCH);
    const text = chunks.join('');
    expect(Array.from(parseInputEvents(text, 64, 'x.dat'))).toEqual(Array.from(x));
    expect(text.split('\n')[0]).toBe(Array.from(x.subarray(0, 64), String).join(' '));
  });
});
