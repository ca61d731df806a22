/**
 * The CLI run in-process with captured stdout/stderr, for the command tests in src/ (the subprocess
 * tests in test/ use test/cli-runner.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll } from 'vitest';
import { runCli } from './run-cli';

export interface CapturedRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function capture(s: PassThrough): () => string {
  const parts: Buffer[] = [];
  s.on('data', (c: Buffer) => parts.push(c));
  return () => Buffer.concat(parts).toString('utf8');
}

/** A runner of `sparsepixels <args>` in the folder `cwd`, with an empty environment. */
export function inProcessCli(cwd: string): (args: string[]) => Promise<CapturedRun> {
  return async (args) => {
    const out = new PassThrough();
    const err = new PassThrough();
    const [o, e] = [capture(out), capture(err)];
    const code = await runCli(args, { stdout: out, stderr: err, env: {}, cwd });
    return { code, stdout: o(), stderr: e() };
  };
}

/** A fresh temporary folder (removed after the file's tests) and a runner of the CLI inside it. */
export function cliInTempDir(prefix: string): { dir: string; run: (args: string[]) => Promise<CapturedRun> } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return { dir, run: inProcessCli(dir) };
}

/** Byte equality of typed arrays (fast, unlike a deep toEqual over ~10^5 elements). */
export function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}
