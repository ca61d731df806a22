import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeNpy } from '../io/npy';
import { writeNpz } from '../io/npz';
import { openEvents } from './read-events';

const dir = mkdtempSync(join(tmpdir(), 'sp-events-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const image = (n: number) => Float32Array.from({ length: n * 4 * 3 * 2 }, (_, i) => (i % 5) * 0.25);

describe('openEvents', () => {
  it('takes (count, H, W, C), (count, H, W) for C = 1, and one event without the count axis', () => {
    const p = join(dir, 'a.npy');
    writeNpy(p, { dtype: 'float32', shape: [3, 4, 3, 2], data: image(3) });
    expect(openEvents(p, [4, 3, 2]).count).toBe(3);
    const one = join(dir, 'one.npy');
    writeNpy(one, { dtype: 'float32', shape: [4, 3, 2], data: image(1) });
    const ev = openEvents(one, [4, 3, 2]);
    expect(ev.count).toBe(1);
    expect(Array.from(ev.events.read(0, 1))).toEqual(Array.from(image(1)));
    const squeezed = join(dir, 'hw.npy');
    writeNpy(squeezed, { dtype: 'float32', shape: [4, 6], data: image(1) });
    expect(openEvents(squeezed, [4, 6, 1]).count).toBe(1);
  });

  it('names both shapes when they do not fit (never the same shape twice)', () => {
    const p = join(dir, 'b.npy');
    writeNpy(p, { dtype: 'float32', shape: [4, 3, 2], data: image(1) });
    expect(() => openEvents(p, [4, 3, 1])).toThrow(
      `${p}: array 'x' has shape (4, 3, 2) but the model takes events of shape (4, 3, 1); expected (count, 4, 3, 1) or one event (4, 3, 1)`,
    );
  });

  it('names the file, event and pixel of a NaN or infinite value', () => {
    const x = image(3);
    x[2 * 24 + 1 * 6 + 2 * 2 + 1] = NaN; // event 2, pixel (1, 2, 1)
    const p = join(dir, 'nan.npy');
    writeNpy(p, { dtype: 'float32', shape: [3, 4, 3, 2], data: x });
    const ev = openEvents(p, [4, 3, 2]);
    expect(() => ev.events.read(0, 3)).toThrow(
      `${p}: event 2 pixel (1, 2, 1) is NaN; input values must be finite numbers`,
    );
    const y = image(2);
    y[5] = -Infinity;
    const z = join(dir, 'inf.npz');
    writeNpz(z, { x: { dtype: 'float32', shape: [2, 4, 3, 2], data: y } });
    expect(() => openEvents(z, [4, 3, 2]).events.read(0, 2)).toThrow(
      `${z}:x.npy: event 0 pixel (0, 2, 1) is -Infinity; input values must be finite numbers`,
    );
  });
});
