// The CLI's documented limits, run for real (issue 14 item 4): 1,000,000 events through generate,
// predict and csim, a 100,000-event test bench through convert, and training at its in-memory
// limit, each as its own `sparsepixels` process (the built bin file, as users run it), with the
// process's peak resident memory (target < 2 GB; the g++ test bench's own memory is not included,
// it reads one line at a time). Needs `npm run build` first, g++, and about 17 GB of free disk in
// the work folder (removed at the end).
// Usage: node benchmarks/run.mjs benchmarks/limits.ts [events, default 1000000] [work folder, default $TMPDIR]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildPaperModel } from '../packages/ir/src/testing/index';
import { datasetLabels, drawEvents } from '../packages/cli/src/data/dataset';
import { neutrinoGenerator } from '../packages/cli/src/data/neutrino';
import { openNpzSlices } from '../packages/cli/src/io/array-slices';
import { readNpy } from '../packages/cli/src/io/npy';
import { maxTrainingEvents } from '../packages/cli/src/training/training-data';

const events = Number(process.argv[2] ?? 1_000_000);
const work = mkdtempSync(join(process.argv[3] ?? tmpdir(), 'sp-limits-'));
const bin = resolve('packages/cli/bin/sparsepixels.js');
const TARGET_MB = 2000;

// every stage's process writes its peak RSS (kilobytes) to this file when it exits
const reporter = join(work, 'rss.mjs');
writeFileSync(
  reporter,
  "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.resourceUsage(); writeFileSync(process.env.SP_RSS_FILE, `${u.maxRSS} ${(u.userCPUTime + u.systemCPUTime) / 1e6}`); });\n",
);

interface Stage {
  readonly name: string;
  readonly events: number;
  readonly seconds: number;
  /** CPU seconds of the node process (the machine is shared: wall time depends on the load). */
  readonly cpu: number;
  readonly rssMB: number;
  readonly code: number | null;
}
const stages: Stage[] = [];

function stage(name: string, n: number, args: string[]): Stage {
  const rssFile = join(work, 'rss.txt');
  rmSync(rssFile, { force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(reporter).href, bin, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, SP_RSS_FILE: rssFile },
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - t0) / 1000;
  const [rss = 0, cpu = 0] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
  const rssMB = rss / 1024;
  const s = { name, events: n, seconds, cpu, rssMB, code: r.status };
  stages.push(s);
  console.log(`${name}: exit ${r.status}, ${seconds.toFixed(1)} s (${cpu.toFixed(1)} s CPU), peak RSS ${rssMB.toFixed(0)} MB`);
  if (r.status !== 0) console.log(r.stderr.trim().split('\n').slice(-3).join('\n'));
  return s;
}

try {
  writeFileSync(
    join(work, 'model.json'),
    JSON.stringify(buildPaperModel({ dataset: 'neutrino', variant: 'sparse', nMax: 16, bits: 8, seed: 3 })),
  );
  stage('generate neutrino', events, [
    'generate',
    'neutrino',
    '--count',
    String(events),
    '--seed',
    '5',
    '--out',
    'nu.npz',
  ]);
  const bytes = statSync(join(work, 'nu.npz')).size;
  // the last event in the file is the one the generator draws for that index
  const last = new Float32Array(63 * 63);
  drawEvents(neutrinoGenerator, 5, datasetLabels(neutrinoGenerator, events, 5), events - 1, 1, last);
  const stored = openNpzSlices(join(work, 'nu.npz'))
    .open('x')
    .read((events - 1) * 3969, 3969) as Float32Array;
  const same = Buffer.from(stored.buffer).equals(Buffer.from(last.buffer));
  console.log(
    `  nu.npz: ${(bytes / 2 ** 30).toFixed(2)} GiB; its last event equals the generator's: ${same}`,
  );

  stage('predict', events, ['predict', 'model.json', '--input', 'nu.npz', '--out', 'preds.npy']);
  console.log(`  preds.npy: shape (${readNpy(join(work, 'preds.npy')).shape.join(', ')})`);

  stage(
    'convert --tb-events 100000',
    100_000,
    'convert model.json --backend vivado --out prj --tb nu.npz --tb-events 100000'.split(' '),
  );
  console.log(
    `  tb_input_features.dat: ${(statSync(join(work, 'prj/tb_data/tb_input_features.dat')).size / 2 ** 20).toFixed(0)} MiB`,
  );

  const csim = stage('csim --input (g++ test bench)', events, [
    'csim',
    'prj',
    '--input',
    'nu.npz',
    '--events',
    String(events),
    '--json',
  ]);
  if (csim.code === 0) console.log('  every output bit of every event equals the interpreter');

  const trainMax = maxTrainingEvents(neutrinoGenerator);
  stage(`train at its limit (${trainMax} events, 1 epoch)`, trainMax, [
    'train',
    '--dataset',
    'neutrino',
    '--events',
    String(trainMax),
    '--epochs',
    '1',
    '--batch-size',
    '128',
    '--out',
    'trained',
  ]);
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log('');
console.log('| stage | events | seconds (wall) | CPU seconds | peak RSS (MB) | target < 2000 MB | exit |');
console.log('|---|---|---|---|---|---|---|');
for (const s of stages)
  console.log(
    `| ${s.name} | ${s.events.toLocaleString('en-US')} | ${s.seconds.toFixed(1)} | ${s.cpu.toFixed(1)} | ${s.rssMB.toFixed(0)} | ${s.rssMB < TARGET_MB ? 'yes' : 'NO'} | ${s.code} |`,
  );
