// The CLI's documented limits, run for real (issue 14 item 4): 1,000,000 events through generate,
// predict and csim, a 100,000-event test bench through convert, and training at its in-memory
// limit, each as its own `sparsepixels` process (the built bin file, as users run it), with the
// process's peak resident memory (target < 2 GB; the g++ test bench's own memory is not included,
// it reads one line at a time). Needs `npm run build` first, g++, and about 17 GB of free disk in
// the work folder (removed at the end).
// Also: predict on the same events as an HDF5 file (read by row slices, like h5py users keep them).
// Usage: node benchmarks/run.mjs benchmarks/limits.ts [events, default 1000000] [work folder, default $TMPDIR] [--only=predict,h5,...]
// (--only runs the stages whose names contain one of the words; generate always runs)
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
import h5wasm from 'h5wasm/node';

const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const [eventsArg, workArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const events = Number(eventsArg ?? 1_000_000);
const work = mkdtempSync(join(workArg ?? tmpdir(), 'sp-limits-'));
const wanted = (name: string) => !only || only.some((w) => name.includes(w));
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
  console.log(
    `${name}: exit ${r.status}, ${seconds.toFixed(1)} s (${cpu.toFixed(1)} s CPU), peak RSS ${rssMB.toFixed(0)} MB`,
  );
  if (r.status !== 0) console.log(r.stderr.trim().split('\n').slice(-3).join('\n'));
  return s;
}

/** Copies the events of an .npz into an HDF5 dataset `x`, 10,000 events at a time (never whole in memory). */
async function writeH5(npz: string, out: string): Promise<void> {
  await h5wasm.ready;
  const x = openNpzSlices(npz).open('x');
  const [count = 0, ...event] = x.shape;
  const size = event.reduce((a, b) => a * b, 1);
  const f = new h5wasm.File(out, 'w');
  try {
    const d = f.create_dataset({
      name: 'x',
      data: new Float32Array(0),
      shape: [0, ...event],
      maxshape: [null, ...event],
      chunks: [1000, ...event],
      dtype: '<f',
    });
    d.resize([count, ...event]);
    for (let start = 0; start < count; start += 10_000) {
      const n = Math.min(10_000, count - start);
      d.write_slice([[start, start + n]], x.read(start * size, n * size));
    }
  } finally {
    f.close();
  }
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

  if (wanted('predict')) {
    stage('predict', events, ['predict', 'model.json', '--input', 'nu.npz', '--out', 'preds.npy']);
    console.log(`  preds.npy: shape (${readNpy(join(work, 'preds.npy')).shape.join(', ')})`);
  }

  if (wanted('h5')) {
    await writeH5(join(work, 'nu.npz'), join(work, 'nu.h5'));
    console.log(
      `  nu.h5: ${(statSync(join(work, 'nu.h5')).size / 2 ** 30).toFixed(2)} GiB (dataset x, float32, chunks of 1,000 events)`,
    );
    stage('predict --input nu.h5', events, [
      'predict',
      'model.json',
      '--input',
      'nu.h5',
      '--out',
      'preds-h5.npy',
    ]);
    if (wanted('predict')) {
      const same = Buffer.from(readFileSync(join(work, 'preds.npy'))).equals(
        readFileSync(join(work, 'preds-h5.npy')),
      );
      console.log(`  preds-h5.npy equals preds.npy byte for byte: ${same}`);
    }
  }

  if (wanted('convert')) {
    stage(
      'convert --tb-events 100000',
      100_000,
      'convert model.json --backend vivado --out prj --tb nu.npz --tb-events 100000'.split(' '),
    );
    console.log(
      `  tb_input_features.dat: ${(statSync(join(work, 'prj/tb_data/tb_input_features.dat')).size / 2 ** 20).toFixed(0)} MiB`,
    );
  }

  const csim =
    !wanted('csim') || !wanted('convert')
      ? undefined
      : stage('csim --input (g++ test bench)', events, [
          'csim',
          'prj',
          '--input',
          'nu.npz',
          '--events',
          String(events),
          '--json',
        ]);
  if (csim?.code === 0) console.log('  every output bit of every event equals the interpreter');

  const trainMax = maxTrainingEvents(neutrinoGenerator);
  if (wanted('train'))
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
