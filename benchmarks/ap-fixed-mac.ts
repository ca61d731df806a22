// Multiply-accumulate throughput of our C++ ap_fixed (hls-include/ap_types) for 8-, 16- and
// 40-bit types, next to a plain int64_t loop measured in the same run (compare the ratios).
// Usage: node benchmarks/run.mjs benchmarks/ap-fixed-mac.ts [n] [reps]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const here = dirname(resolve(process.argv[1] ?? 'benchmarks/ap-fixed-mac.ts'));
const source = join(here, 'cpp', 'ap_fixed_mac.cpp');
const include = join(here, '..', 'hls-include', 'ap_types');
const dir = mkdtempSync(join(tmpdir(), 'sp-mac-'));
try {
  const exe = join(dir, 'ap_fixed_mac');
  const flags = ['-std=c++14', '-O2', '-Wall', '-Wextra', '-Werror', `-I${include}`, source, '-o', exe];
  const t0 = performance.now();
  const cc = spawnSync('g++', flags, { encoding: 'utf8' });
  if (cc.status !== 0) throw new Error(`g++ failed: ${cc.error?.message ?? cc.stderr}`);
  console.log(
    `compiled with g++ ${flags.slice(0, 5).join(' ')} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const run = spawnSync(exe, process.argv.slice(2), { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`benchmark failed: ${run.stderr}`);
  process.stdout.write(run.stdout);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
