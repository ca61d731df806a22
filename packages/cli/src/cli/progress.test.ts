import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startProgress } from './progress';

describe('startProgress', () => {
  it('writes nothing when disabled (no terminal, or --json)', () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    const bar = startProgress({ stream, enabled: false }, 'work', 100);
    bar.update(50);
    bar.stop();
    bar.stop(); // a second stop is harmless
    expect(Buffer.concat(chunks).length).toBe(0);
  });
  // drawing on a real terminal is tested in test/cli.e2e.test.ts under script(1)
});
