import { describe, expect, it, vi } from 'vitest';

describe('the README example', () => {
  it('runs and prints the per-layer table, the N_max sweep and the standard twin', async () => {
    const lines: string[] = [];
    const log = vi
      .spyOn(console, 'log')
      .mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
    try {
      await import('../examples/estimate-paper-model');
    } finally {
      log.mockRestore();
    }
    expect(lines[0]).toMatch(/^reduce +InputReduce +\d+ cycles/);
    expect(lines.filter((l) => /^N = \d+: \d+ cycles, II \d+, \d+ LUT$/.test(l))).toHaveLength(4);
    expect(lines.at(-1)).toMatch(/^standard CNN \(io_stream\): [\d.]+ us, \d+ LUT$/);
  });
});
