import { spawn } from 'node:child_process';
import { SparsePixelsError } from '@sparsepixels/core';

export interface ProcessResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/**
 * Runs a program to completion and collects its output. A program that is not installed becomes
 * one line naming the Debian package that provides it.
 */
export function runTool(cmd: string, args: readonly string[], cwd: string, debianPackage: string): Promise<ProcessResult> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') {
        reject(new SparsePixelsError('SP_RTL_TOOL', `"${cmd}" not found on PATH; install it (Debian/Ubuntu: apt-get install ${debianPackage})`, cwd));
      } else reject(e);
    });
    child.on('close', (status) =>
      resolve({ status, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(), ms: performance.now() - start }),
    );
  });
}

/** The first line that says "error" (or the first non-empty line), shortened, for one-line messages. */
export function firstError(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const line = lines.find((l) => /error/i.test(l)) ?? lines[0] ?? 'no diagnostics';
  return line.length > 300 ? `${line.slice(0, 300)}...` : line;
}
