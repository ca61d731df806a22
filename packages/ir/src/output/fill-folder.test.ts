import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fillFolder } from './fill-folder';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sp-fill-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('writes files in subfolders and copies folders; scripts are executable, others not', async () => {
  const src = join(dir, 'src');
  mkdirSync(join(src, 'sub'), { recursive: true });
  writeFileSync(join(src, 'sub', 'a.h'), 'A');
  const out = join(dir, 'out');
  mkdirSync(out);
  await fillFolder(
    out,
    [
      { path: 'firmware/x.cpp', content: 'int x;\n' },
      { path: 'run.sh', content: '#!/bin/sh\n', executable: true },
    ],
    [{ from: src, to: 'firmware/inc' }],
  );
  expect(readFileSync(join(out, 'firmware/x.cpp'), 'utf8')).toBe('int x;\n');
  expect(readFileSync(join(out, 'firmware/inc/sub/a.h'), 'utf8')).toBe('A');
  expect(statSync(join(out, 'run.sh')).mode & 0o111).not.toBe(0);
  expect(statSync(join(out, 'firmware/x.cpp')).mode & 0o111).toBe(0);
});

it('writes streamed content piece by piece, as the pieces were given', async () => {
  const out = join(dir, 'out');
  mkdirSync(out);
  await fillFolder(out, [{ path: 'tb_data/x.dat', content: (write) => ['1 2\n', '3 4\n', '5 6\n'].forEach(write) }], []);
  expect(readFileSync(join(out, 'tb_data/x.dat'), 'utf8')).toBe('1 2\n3 4\n5 6\n');
});

it('writes bytes as given', async () => {
  const out = join(dir, 'out');
  mkdirSync(out);
  await fillFolder(out, [{ path: 'layers/w.bin', content: new Uint8Array([0, 255, 7]) }]);
  expect([...readFileSync(join(out, 'layers/w.bin'))]).toEqual([0, 255, 7]);
});

it('refuses a path that leaves the folder, naming it, and writes nothing outside', async () => {
  const out = join(dir, 'out');
  mkdirSync(out);
  for (const path of ['../escape.txt', 'a/../../escape.txt', '/tmp/escape.txt', '', '.'])
    await expect(fillFolder(out, [{ path, content: 'x' }])).rejects.toThrow(`file '${path}' is not a path inside the output folder`);
  await expect(fillFolder(out, [], [{ from: out, to: '..' }])).rejects.toThrow("copy '..' is not a path inside the output folder");
  expect(existsSync(join(dir, 'escape.txt'))).toBe(false);
});
