import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeProject } from './write-project';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sp-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeProject', () => {
  it('writes files and copies folders, scripts executable', () => {
    const src = join(dir, 'src');
    mkdirSync(join(src, 'sub'), { recursive: true });
    writeFileSync(join(src, 'sub', 'a.h'), 'A');
    const out = writeProject(
      join(dir, 'prj'),
      [
        { path: 'firmware/x.cpp', content: 'int x;\n' },
        { path: 'run.sh', content: '#!/bin/sh\n', executable: true },
      ],
      [{ from: src, to: 'firmware/inc' }],
    );
    expect(readFileSync(join(out, 'firmware/x.cpp'), 'utf8')).toBe('int x;\n');
    expect(readFileSync(join(out, 'firmware/inc/sub/a.h'), 'utf8')).toBe('A');
    expect(statSync(join(out, 'run.sh')).mode & 0o111).not.toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['prj', 'src']); // no temporary folder left
  });

  it('accepts an empty existing folder', () => {
    mkdirSync(join(dir, 'prj'));
    writeProject(join(dir, 'prj'), [{ path: 'a', content: '1' }], []);
    expect(readFileSync(join(dir, 'prj/a'), 'utf8')).toBe('1');
  });

  it('refuses a non-empty folder without force and leaves it untouched', () => {
    mkdirSync(join(dir, 'prj'));
    writeFileSync(join(dir, 'prj/keep'), 'k');
    let message = '';
    try {
      writeProject(join(dir, 'prj'), [{ path: 'a', content: '1' }], []);
    } catch (err) {
      message = (err as Error).message.replace(dir, '<tmp>');
    }
    expect(message).toMatchInlineSnapshot(
      `"<tmp>/prj: the output folder exists and is not empty; choose another folder or use --force to replace it"`,
    );
    expect(readdirSync(join(dir, 'prj'))).toEqual(['keep']);
  });

  it('replaces a non-empty folder with force', () => {
    mkdirSync(join(dir, 'prj'));
    writeFileSync(join(dir, 'prj/old'), 'o');
    writeProject(join(dir, 'prj'), [{ path: 'new', content: 'n' }], [], { force: true });
    expect(readdirSync(join(dir, 'prj'))).toEqual(['new']);
    expect(readdirSync(dir)).toEqual(['prj']);
  });

  it('leaves nothing behind when a copy fails', () => {
    expect(() =>
      writeProject(
        join(dir, 'prj'),
        [{ path: 'a', content: '1' }],
        [{ from: join(dir, 'missing'), to: 'x' }],
      ),
    ).toThrow(/cannot write the project: /);
    expect(readdirSync(dir)).toEqual([]);
  });
});
