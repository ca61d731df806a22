import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { smallSparseModel } from '@sparsepixels/hls-vivado/testing';
import { OUTPUT_MARKER_FILE } from '@sparsepixels/ir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliForTest } from './build-cli';

// Issue 14 items 1, 2, 3, 6 and 7, as users meet them: the real bin file in subprocesses, real
// folders, real signals and real concurrent runs.
let bin = '';
let root = '';
let work = '';
let tmp = '';

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { SPARSEPIXELS_DEBUG: _d, CXX: _c, ...base } = process.env;
  return { ...base, TMPDIR: tmp, ...extra };
}

function cli(args: string[], cwd = work, extra: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: env(extra), timeout: 120_000 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** The same, started without waiting. */
function cliAsync(args: string[], cwd = work) {
  const child = spawn(process.execPath, [bin, ...args], { cwd, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Run>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

/** A refused run: exit 2, one line on stderr naming the problem. */
function expectRefused(r: Run, text: string | RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.split('\n').filter(Boolean);
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]!.startsWith('sparsepixels: error: ')).toBe(true);
  if (typeof text === 'string') expect(lines[0]).toContain(text);
  else expect(lines[0]).toMatch(text);
}

const list = (dir: string) => readdirSync(dir).sort();
const fresh = (name: string) => {
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
};

const model = () => structuredClone(smallSparseModel());
const writeModel = (path: string, doc: unknown = model()) => writeFileSync(path, JSON.stringify(doc));

beforeAll(async () => {
  ({ bin, dir: root } = await buildCliForTest(`safety-${process.pid}`));
  work = join(root, 'work');
  tmp = join(root, 'tmp');
  mkdirSync(work, { recursive: true });
  mkdirSync(tmp, { recursive: true });
  writeModel(join(work, 'model.json'));
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('--force replaces only what sparsepixels wrote (item 1)', () => {
  it('convert --out . --force in a folder holding the model and notes: refused, nothing deleted', () => {
    const dir = fresh('dot');
    writeModel(join(dir, 'model.json'));
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    expectRefused(cli(['convert', 'model.json', '--out', '.', '--force'], dir), /current folder/);
    expect(list(dir)).toEqual(['model.json', 'notes.txt']);
  });

  it('train --out . --force is refused before training', () => {
    const dir = fresh('train-dot');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    expectRefused(cli(['train', '--dataset', 'digits', '--out', '.', '--force'], dir), /current folder/);
    expect(list(dir)).toEqual(['notes.txt']);
  });

  it('refuses /, the home folder, an ancestor of the working folder, a file, and the folder of the input', () => {
    expectRefused(cli(['convert', 'model.json', '--out', '/', '--force']), '/: is the root folder');
    const home = fresh('home');
    writeFileSync(join(home, 'thesis.tex'), 'mine');
    expectRefused(cli(['convert', 'model.json', '--out', home, '--force'], work, { HOME: home }), 'is the home folder');
    expect(list(home)).toEqual(['thesis.tex']);
    const deep = fresh('a/b/c');
    expectRefused(cli(['convert', '../../../model.json', '--out', '..', '--force'], deep), 'holds the current folder');
    expectRefused(cli(['convert', 'model.json', '--out', 'model.json', '--force']), 'exists and is not a folder');
    const inputs = fresh('inputs');
    writeModel(join(inputs, 'm.json'));
    expectRefused(cli(['convert', 'inputs/m.json', '--out', 'inputs', '--force']), "holds the input 'inputs/m.json'");
    expect(list(inputs)).toEqual(['m.json']);
    expect(readFileSync(join(work, 'model.json'), 'utf8')).toBe(JSON.stringify(model()));
  });

  it('a folder sparsepixels did not write, or one holding foreign or edited files, is refused with --force', () => {
    const mine = fresh('user-folder');
    writeFileSync(join(mine, 'data.csv'), '1,2');
    expectRefused(cli(['convert', 'model.json', '--out', 'user-folder', '--force']), /not written by sparsepixels/);
    expect(list(mine)).toEqual(['data.csv']);

    rmSync(join(work, 'prj'), { recursive: true, force: true });
    expect(cli(['convert', 'model.json', '--out', 'prj']).code).toBe(0);
    const marker = JSON.parse(readFileSync(join(work, 'prj', OUTPUT_MARKER_FILE), 'utf8'));
    expect(marker).toMatchObject({ tool: 'sparsepixels', kind: 'hls-project', backend: 'vitis' });
    expect(marker.files.map((f: { path: string }) => f.path)).toContain('firmware/myproject.cpp');
    expect(cli(['convert', 'model.json', '--out', 'prj', '--force', '--backend', 'vivado']).code).toBe(0);

    writeFileSync(join(work, 'prj/firmware/notes.txt'), 'mine');
    expectRefused(
      cli(['convert', 'model.json', '--out', 'prj', '--force']),
      "holds 'firmware/notes.txt', which sparsepixels did not write",
    );
    expect(readFileSync(join(work, 'prj/firmware/notes.txt'), 'utf8')).toBe('mine');
    rmSync(join(work, 'prj/firmware/notes.txt'));
    writeFileSync(join(work, 'prj/firmware/myproject.cpp'), '// my edits\n');
    expectRefused(cli(['convert', 'model.json', '--out', 'prj', '--force']), "'firmware/myproject.cpp' was changed");
    expect(readFileSync(join(work, 'prj/firmware/myproject.cpp'), 'utf8')).toBe('// my edits\n');
  });

  it('without --force a non-empty folder is refused; an empty one is filled', () => {
    fresh('empty');
    expect(cli(['convert', 'model.json', '--out', 'empty']).code).toBe(0);
    expectRefused(cli(['convert', 'model.json', '--out', 'empty']), 'pass --force');
  });

  it('single output files: --force never replaces a folder, the input, or a file of another kind', () => {
    mkdirSync(join(work, 'folder.npz'), { recursive: true });
    expectRefused(cli(['generate', 'digits', '-n', '3', '-o', 'folder.npz', '--force']), 'is a folder');
    writeFileSync(join(work, 'notes.npz'), 'my notes, not a zip file');
    expectRefused(cli(['generate', 'digits', '-n', '3', '-o', 'notes.npz', '--force']), 'not an .npz file');
    expect(readFileSync(join(work, 'notes.npz'), 'utf8')).toBe('my notes, not a zip file');
    expect(cli(['generate', 'digits', '-n', '3', '-o', 'd.npz']).code).toBe(0);
    expect(cli(['generate', 'digits', '-n', '4', '-o', 'd.npz', '--force']).code).toBe(0);
    expectRefused(cli(['predict', 'model.json', '--input', 'd.npz', '--out', 'd.npz', '--force']), 'is an input');
  });
});

describe('strings that reach Tcl, C++ and shell are validated (item 2)', () => {
  it('a Tcl command in build.part or clockUncertainty is refused by validate and convert', () => {
    const doc = model();
    doc.build = { ...doc.build, part: 'xcu250[exec touch pwned]', clockUncertainty: '1;exec touch pwned' };
    writeModel(join(work, 'inject.json'), doc);
    const v = cli(['validate', 'inject.json']);
    expect(v.code).toBe(2);
    expect(v.stdout).toMatch(/error SP2001 \/build\/part: "xcu250\[exec touch pwned\]" is not an FPGA part name/);
    expect(v.stdout).toMatch(/error SP2001 \/build\/clockUncertainty: "1;exec touch pwned" is not a clock uncertainty/);
    expectRefused(cli(['convert', 'inject.json', '--out', 'inject']), '/build/part');
    expect(existsSync(join(work, 'inject'))).toBe(false);
  });
});

describe('C++ names (item 3)', () => {
  it.each(['int', 'main', 'class', 'sp', 'ap_fixed', 'defines', 'and', 'layer2_out', 'N_INPUT', '__x', '_X'])(
    '--project %s is refused at conversion, naming the option',
    (name) => {
      expectRefused(cli(['convert', 'model.json', '--out', `p-${name}`, '--project', name]), `--project '${name}'`);
      expect(existsSync(join(work, `p-${name}`))).toBe(false);
    },
  );

  it('an input or project name that collides with C++ is an IR error with its JSON pointer', () => {
    const doc = model();
    doc.input.name = 'int';
    doc.layers[0]!.inputs = ['int'];
    doc.build = { ...doc.build, project: 'defines' };
    writeModel(join(work, 'names.json'), doc);
    const v = cli(['validate', 'names.json']);
    expect(v.code).toBe(2);
    expect(v.stdout).toMatch(/error SP3010 \/input\/name: 'int' is a C\+\+ keyword/);
    expect(v.stdout).toMatch(/error SP3010 \/build\/project: 'defines' .*defines\.h/);
    expectRefused(cli(['convert', 'names.json', '--out', 'names']), /SP3010 error \/input\/name: 'int' is a C\+\+ keyword/);
    expect(existsSync(join(work, 'names'))).toBe(false);
  });
});

/** Waits until `test()` holds, polling every few ms. */
async function until(test: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 2));
  }
}

describe('interrupted runs leave nothing behind (item 6)', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s while convert writes: no temporary folder, killed by the signal', async (sig) => {
    const dir = fresh(`sig-${sig}`);
    const run = cliAsync(['convert', '../model.json', '--out', 'big', '--tb-events', '40000'], dir);
    await until(() => readdirSync(dir).some((f) => f.startsWith('.')));
    run.child.kill(sig);
    const r = await run.done;
    expect(r.signal, r.stderr).toBe(sig);
    const left = list(dir);
    expect(left.filter((f) => f !== 'big')).toEqual([]);
    // atomic: either no project at all, or the complete one with its marker
    if (left.length > 0) expect(existsSync(join(dir, 'big', OUTPUT_MARKER_FILE))).toBe(true);
  });

  it('SIGTERM during csim: the compiler group is killed and the temporary folder removed', async () => {
    rmSync(join(work, 'csim-prj'), { recursive: true, force: true });
    expect(cli(['convert', 'model.json', '--out', 'csim-prj']).code).toBe(0);
    const prj = join(work, 'csim-prj');
    const run = cliAsync(['csim', 'csim-prj']);
    await until(() => processesIn(prj).length > 0); // g++ (cc1plus) is running in the project folder
    run.child.kill('SIGTERM');
    const r = await run.done;
    expect(r.signal, r.stderr).toBe('SIGTERM');
    await until(() => processesIn(prj).length === 0, 1000);
    expect(readdirSync(tmp).filter((f) => f.startsWith('sp-csim-'))).toEqual([]);
  });

  it('the next run removes stale temporary folders of dead runs, and nothing else', () => {
    const dir = fresh('stale');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const pid = Number(dead.stdout);
    // what an interrupted (SIGKILLed) run leaves: its temporary folder with the owner file
    const stale = join(dir, `.prj.sp-tmp-${pid}-abc123`);
    mkdirSync(join(stale, 'firmware'), { recursive: true });
    writeFileSync(join(stale, '.sparsepixels-owner.json'), JSON.stringify({ tool: 'sparsepixels', pid, host: hostname() }));
    writeFileSync(join(stale, 'firmware/a.cpp'), '');
    const staleCsim = join(tmp, `sp-csim-${pid}-xyz789`);
    mkdirSync(staleCsim, { recursive: true });
    writeFileSync(join(staleCsim, '.sparsepixels-owner.json'), JSON.stringify({ tool: 'sparsepixels', pid, host: hostname() }));
    // look-alikes that are not ours (no owner file, or a live owner) stay
    mkdirSync(join(dir, `.notes.sp-tmp-${pid}-abc123`));
    const live = join(dir, `.other.sp-tmp-${process.pid}-abc123`);
    mkdirSync(live);
    writeFileSync(join(live, '.sparsepixels-owner.json'), JSON.stringify({ tool: 'sparsepixels', pid: process.pid, host: hostname() }));
    expect(cli(['convert', '../model.json', '--out', 'prj'], dir).code).toBe(0);
    expect(list(dir)).toEqual([`.notes.sp-tmp-${pid}-abc123`, `.other.sp-tmp-${process.pid}-abc123`, 'prj']);
    expect(cli(['csim', 'prj'], dir).code).toBe(0);
    expect(existsSync(staleCsim)).toBe(false);
  });
});

describe('concurrent runs never overwrite each other (item 7)', () => {
  it('two convert --out cc at once: exactly one succeeds, the other exits 2 with one line and leaves nothing', async () => {
    for (let trial = 0; trial < 8; trial++) {
      const dir = fresh(`race-${trial}`);
      const runs = [
        cliAsync(['convert', '../model.json', '--out', 'cc', '--tb-events', '3000', '--backend', 'vivado'], dir),
        cliAsync(['convert', '../model.json', '--out', 'cc', '--tb-events', '3000', '--backend', 'vitis'], dir),
      ];
      const [a, b] = await Promise.all(runs.map((r) => r.done));
      const codes = [a!.code, b!.code].sort();
      expect(codes, `trial ${trial}: ${a!.stderr} ${b!.stderr}`).toEqual([0, 2]);
      const loser = a!.code === 2 ? a! : b!;
      expectRefused(loser, /--force|appeared while/);
      expect(list(dir)).toEqual(['cc']);
      // the folder holds the winner's project (only Vitis writes build_opt.tcl)
      expect(existsSync(join(dir, 'cc/build_opt.tcl'))).toBe(b!.code === 0);
    }
  }, 180_000);
});

/** PIDs of processes whose working folder is `dir` (the compiler runs in the project folder). */
function processesIn(dir: string): number[] {
  const out: number[] = [];
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      if (readlinkSync(`/proc/${p}/cwd`) === dir) out.push(Number(p));
    } catch {
      // gone, or not ours
    }
  }
  return out;
}

