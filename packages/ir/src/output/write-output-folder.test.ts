import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkOutputFile } from './output-file';
import { checkOutputFolder } from './output-guard';
import { OUTPUT_MARKER_FILE, readOutputMarker } from './output-marker';
import { createOwnedTempDir, reapStaleTempDirs } from './owned-temp';
import { writeOutputFolder, type OutputFolderOptions } from './write-output-folder';

let root: string;
const cwd = process.cwd();
beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'sp-out-')));
});
afterEach(() => {
  process.chdir(cwd);
  rmSync(root, { recursive: true, force: true });
});

const opts = (extra: Partial<OutputFolderOptions> = {}): OutputFolderOptions => ({ kind: 'hls-project', backend: 'vivado', version: '0.1.0', ...extra });
const fillAB = (dir: string) => {
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'a.txt'), 'A');
  writeFileSync(join(dir, 'sub/b.txt'), 'B');
};
/** The error message of `f` (sync or async), with the temporary root replaced by <root>. */
async function refusal(f: () => unknown): Promise<string> {
  try {
    await f();
  } catch (err) {
    return (err as Error).message.replaceAll(root, '<root>');
  }
  throw new Error('expected a refusal');
}
const names = (dir: string) => readdirSync(dir).sort();
/** A pid that belonged to a process that has exited. */
const deadPid = () => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);

describe('writeOutputFolder', () => {
  it('writes through a temporary sibling and marks the folder with every file it wrote', async () => {
    const out = await writeOutputFolder(join(root, 'prj'), opts(), fillAB);
    expect(out.files).toEqual(['a.txt', 'sub/b.txt']);
    expect(names(root)).toEqual(['prj']);
    expect(names(join(root, 'prj'))).toEqual([OUTPUT_MARKER_FILE, 'a.txt', 'sub']);
    const marker = readOutputMarker(join(root, 'prj'))!;
    expect(marker).toMatchObject({ tool: 'sparsepixels', markerVersion: 1, kind: 'hls-project', backend: 'vivado', version: '0.1.0' });
    expect(marker.files[0]).toEqual({
      path: 'a.txt',
      size: 1,
      sha256: '559aead08264d5795d3909718cdd05abd49572e84fe55590eef31a88a08fdffd',
    });
  });

  it('fills an empty folder; refuses a non-empty one without force, leaving it as it was', async () => {
    mkdirSync(join(root, 'prj'));
    await writeOutputFolder(join(root, 'prj'), opts(), fillAB);
    const again = await refusal(() => writeOutputFolder(join(root, 'prj'), opts(), fillAB));
    expect(again).toBe('<root>/prj: the output folder is not empty; pass --force to replace a folder that sparsepixels wrote');
    expect(names(root)).toEqual(['prj']);
  });

  it('force replaces a folder it wrote, and nothing else', async () => {
    const prj = join(root, 'prj');
    await writeOutputFolder(prj, opts(), fillAB);
    await writeOutputFolder(prj, opts({ force: true }), (d) => writeFileSync(join(d, 'c.txt'), 'C'));
    expect(names(prj)).toEqual([OUTPUT_MARKER_FILE, 'c.txt']);
    expect(names(root)).toEqual(['prj']);

    writeFileSync(join(prj, 'notes.txt'), 'mine');
    expect(await refusal(() => writeOutputFolder(prj, opts({ force: true }), fillAB))).toBe(
      "<root>/prj: the folder holds 'notes.txt', which sparsepixels did not write; move it away or choose another folder (nothing was replaced)",
    );
    rmSync(join(prj, 'notes.txt'));
    mkdirSync(join(prj, 'runs'));
    expect(await refusal(() => writeOutputFolder(prj, opts({ force: true }), fillAB))).toMatch(/holds 'runs\/', which sparsepixels did not write/);
    rmSync(join(prj, 'runs'), { recursive: true });
    writeFileSync(join(prj, 'c.txt'), 'D'); // same size, other content
    expect(await refusal(() => writeOutputFolder(prj, opts({ force: true }), fillAB))).toMatch(/'c.txt' was changed after sparsepixels wrote it/);
    expect(await refusal(() => writeOutputFolder(prj, opts({ force: true, kind: 'trained-model' }), fillAB))).toMatch(
      /the folder holds a hls-project, not a trained-model/,
    );
    expect(readFileSync(join(prj, 'c.txt'), 'utf8')).toBe('D');

    const mine = join(root, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'data.csv'), '1,2');
    expect(await refusal(() => writeOutputFolder(mine, opts({ force: true }), fillAB))).toBe(
      `<root>/mine: the folder was not written by sparsepixels (it has no ${OUTPUT_MARKER_FILE}); nothing was replaced`,
    );
    expect(names(mine)).toEqual(['data.csv']);
  });

  it('refuses protected folders even with force: /, home, the working folder and its parents, folders holding inputs, files, links', async () => {
    const work = join(root, 'a/b');
    mkdirSync(work, { recursive: true });
    writeFileSync(join(root, 'a/model.json'), '{}');
    process.chdir(work);
    const f = (dir: string, extra: Partial<OutputFolderOptions> = {}) => refusal(() => checkOutputFolder(dir, opts({ force: true, ...extra })));
    expect(await f('/')).toBe('/: is the root folder; choose a new folder, or one that sparsepixels wrote');
    expect(await f('.')).toBe('<root>/a/b: is the current folder; choose a new folder, or one that sparsepixels wrote');
    expect(await f('..')).toBe('<root>/a: holds the current folder; choose a new folder, or one that sparsepixels wrote');
    process.chdir(root);
    expect(await f('a', { inputFiles: [join(root, 'a/model.json')] })).toBe(
      "<root>/a: holds the input 'a/model.json'; choose a new folder, or one that sparsepixels wrote",
    );
    const home = process.env['HOME'];
    process.env['HOME'] = join(root, 'a');
    try {
      expect(await f('a/../a')).toBe('<root>/a: is the home folder; choose a new folder, or one that sparsepixels wrote');
    } finally {
      process.env['HOME'] = home;
    }
    expect(await f('a/model.json')).toBe('<root>/a/model.json: the output path exists and is not a folder');
    symlinkSync(join(root, 'a'), join(root, 'link'));
    expect(await f('link')).toBe('<root>/link: is a symbolic link; name the folder itself');
    expect(await f('no/such/prj')).toBe("<root>/no/such/prj: cannot create the folder: the parent folder '<root>/no/such' does not exist");
    expect(names(join(root, 'a'))).toEqual(['b', 'model.json']);
  });

  it('creates missing parent folders only when asked', async () => {
    expect(await refusal(() => writeOutputFolder(join(root, 'a/b/prj'), opts(), fillAB))).toMatch(/the parent folder '<root>\/a\/b' does not exist/);
    await writeOutputFolder(join(root, 'a/b/prj'), opts({ createParents: true }), fillAB);
    expect(names(join(root, 'a/b/prj'))).toEqual([OUTPUT_MARKER_FILE, 'a.txt', 'sub']);
  });

  it('a failing fill leaves nothing behind', async () => {
    const err = await refusal(() =>
      writeOutputFolder(join(root, 'prj'), opts(), (d) => {
        writeFileSync(join(d, 'half'), 'x');
        throw new Error('disk full\nmore');
      }),
    );
    expect(err).toBe('<root>/prj: cannot write the folder: disk full');
    expect(names(root)).toEqual([]);
  });

  it('a target that appears while fill runs is never overwritten (another run won the race)', async () => {
    const prj = join(root, 'prj');
    const err = await refusal(() =>
      writeOutputFolder(prj, opts(), (d) => {
        fillAB(d);
        mkdirSync(prj);
        writeFileSync(join(prj, 'theirs'), 'other run');
      }),
    );
    expect(err).toBe('<root>/prj: the output folder appeared while this run was writing it (another run?); this run wrote nothing');
    expect(names(root)).toEqual(['prj']);
    expect(names(prj)).toEqual(['theirs']);
  });

  it('force checks the old folder again once it is set aside: a file added meanwhile keeps it in place', async () => {
    const prj = join(root, 'prj');
    await writeOutputFolder(prj, opts(), fillAB);
    const err = await refusal(() =>
      writeOutputFolder(prj, opts({ force: true }), (d) => {
        fillAB(d);
        writeFileSync(join(prj, 'late.txt'), 'written while the run worked');
      }),
    );
    expect(err).toMatch(/holds 'late.txt', which sparsepixels did not write/);
    expect(names(root)).toEqual(['prj']);
    expect(readFileSync(join(prj, 'late.txt'), 'utf8')).toBe('written while the run worked');
  });

  it('removes the temporary folders of dead runs, restores a set-aside folder, and leaves everything else', async () => {
    const pid = deadPid();
    const stale = join(root, `.prj.sp-tmp-${pid}-0a1b2c`);
    mkdirSync(stale);
    writeFileSync(join(stale, '.sparsepixels-owner.json'), JSON.stringify({ tool: 'sparsepixels', pid, host: hostname() }));
    mkdirSync(join(root, `.x.sp-tmp-${pid}-0a1b2c`)); // empty, no owner file: not provably ours, stays
    mkdirSync(join(root, `.notes.sp-tmp-${pid}-0a1b2c`)); // a look-alike that is not ours
    writeFileSync(join(root, `.notes.sp-tmp-${pid}-0a1b2c/n`), 'mine');
    const live = createOwnedTempDir(root, '.other.sp-tmp-'); // ours, but the owner is alive
    // a run killed between its two renames: the old folder is set aside and its place empty
    await writeOutputFolder(join(root, 'model'), opts({ kind: 'trained-model' }), fillAB);
    const { renameSync } = await import('node:fs');
    renameSync(join(root, 'model'), join(root, `.model.sp-old-${pid}-ffff00`));

    await writeOutputFolder(join(root, 'prj'), opts(), fillAB);
    expect(names(root)).toEqual([`.notes.sp-tmp-${pid}-0a1b2c`, live.slice(root.length + 1), `.x.sp-tmp-${pid}-0a1b2c`, 'model', 'prj']);
    expect(names(join(root, 'model'))).toEqual([OUTPUT_MARKER_FILE, 'a.txt', 'sub']);
  });
});

describe('reapStaleTempDirs', () => {
  it('removes only owned folders of dead processes with the prefix', () => {
    const pid = deadPid();
    const dead = join(root, `sp-csim-${pid}-abc123`);
    mkdirSync(dead);
    writeFileSync(join(dead, '.sparsepixels-owner.json'), JSON.stringify({ tool: 'sparsepixels', pid, host: hostname() }));
    const wrongPid = join(root, `sp-csim-${pid}-def456`);
    mkdirSync(wrongPid);
    writeFileSync(join(wrongPid, '.sparsepixels-owner.json'), JSON.stringify({ tool: 'sparsepixels', pid: pid + 1, host: hostname() }));
    const mine = createOwnedTempDir(root, 'sp-csim-');
    expect(reapStaleTempDirs(root, 'sp-csim-')).toEqual([`sp-csim-${pid}-abc123`]);
    expect(names(root)).toEqual([mine.slice(root.length + 1), `sp-csim-${pid}-def456`].sort());
  });
});

describe('checkOutputFile', () => {
  const npz = { what: 'an .npz file', looksLike: (h: Uint8Array) => h[0] === 0x50 && h[1] === 0x4b };
  it('overwrites with force only a regular file of the right kind that is not an input', async () => {
    const f = (path: string, extra = {}) => refusal(() => checkOutputFile(join(root, path), { format: npz, force: true, ...extra }));
    mkdirSync(join(root, 'dir.npz'));
    expect(await f('dir.npz')).toBe('<root>/dir.npz: is a folder; name a file to write');
    writeFileSync(join(root, 'notes.npz'), 'text');
    expect(await f('notes.npz')).toBe('<root>/notes.npz: is not an .npz file (its content does not start like one); it was not overwritten');
    writeFileSync(join(root, 'x.npz'), 'PK\x03\x04');
    expect(await f('x.npz', { inputFiles: [join(root, 'x.npz')] })).toBe('<root>/x.npz: is an input of this command; write the output to another file');
    expect(await refusal(() => checkOutputFile(join(root, 'x.npz'), { format: npz }))).toBe(
      '<root>/x.npz: the file already exists; pass --force to overwrite it',
    );
    expect(() => checkOutputFile(join(root, 'x.npz'), { format: npz, force: true })).not.toThrow();
    expect(() => checkOutputFile(join(root, 'new.npz'), { format: npz })).not.toThrow();
    expect(await f('missing/y.npz')).toBe("<root>/missing/y.npz: cannot write the file: directory '<root>/missing' does not exist");
  });
});
