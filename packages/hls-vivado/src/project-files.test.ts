import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fillProject } from './project-files';

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
  await fillProject(
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
  await fillProject(out, [{ path: 'tb_data/x.dat', content: (write) => ['1 2\n', '3 4\n', '5 6\n'].forEach(write) }], []);
  expect(readFileSync(join(out, 'tb_data/x.dat'), 'utf8')).toBe('1 2\n3 4\n5 6\n');
});
