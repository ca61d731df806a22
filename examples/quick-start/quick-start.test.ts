import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, inject, test } from 'vitest';
import { quickStart } from './quick-start';

const out = mkdtempSync(join(tmpdir(), 'sp-quick-start-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

test('the README quick start is this file, verbatim', () => {
  const readme = readFileSync(join(inject('repoRoot'), 'README.md'), 'utf8');
  const source = readFileSync(join(__dirname, 'quick-start.ts'), 'utf8');
  expect(readme).toContain(source.trim());
});

test('the quick start trains, emits a Vitis project and simulates it bit-exactly', async () => {
  const { firmware, float, csim } = await quickStart(join(out, 'hls'), 1500);
  expect(csim.bitExact).toBe(true);
  expect(csim.events).toBeGreaterThan(0);
  // The interpreter is the firmware: its AUC equals the float (tfjs) AUC on this 8-bit model.
  expect(firmware.auc).toBe(float.auc);
});
