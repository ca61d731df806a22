import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { SparsePixelsError } from '@sparsepixels/core';
import { onInterrupt } from '@sparsepixels/ir';

export interface CompileOptions {
  /** C++ compiler (default `g++`, or $CXX). */
  readonly cxx?: string;
  /** Optimisation flag (default `-O2`; tests may use `-O1`). */
  readonly optLevel?: string;
  readonly extraFlags?: readonly string[];
}

/** g++ failed: the message is one line; `diagnostics` holds the compiler's full output. */
export class CsimCompileError extends SparsePixelsError {
  constructor(
    message: string,
    where: string,
    readonly diagnostics: string,
  ) {
    super('SP_CSIM_COMPILE', message, where);
  }
}

export interface ProcessResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/**
 * Runs a process to completion, collecting its output; a missing program rejects with ENOENT.
 * The child leads its own process group (detached), so that on SIGINT/SIGTERM/SIGHUP the whole
 * group (g++ with its cc1plus, as and ld) is killed, never left running as an orphan.
 */
export function runProcess(
  cmd: string,
  args: readonly string[],
  cwd: string,
  env?: NodeJS.ProcessEnv,
): Promise<ProcessResult> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...(env ? { env } : {}) });
    const release = onInterrupt(() => killGroup(child.pid));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err) => {
      release();
      reject(err);
    });
    child.on('close', (status) => {
      release();
      resolve({ status, stdout, stderr, ms: performance.now() - start });
    });
  });
}

/** SIGKILL to the process group led by `pid` (gone already: nothing to do). */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // the group has exited
  }
}

// At most one compiler process per core at a time, however many C simulations are started at once.
const slots = { free: Math.max(1, availableParallelism()), waiting: [] as (() => void)[] };

async function withCompileSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (slots.free > 0) slots.free--;
  else await new Promise<void>((resolve) => slots.waiting.push(resolve));
  try {
    return await fn();
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free++;
  }
}

/**
 * Compiles `<project>_test.cpp` + `firmware/<project>.cpp` against firmware/ap_types (our C
 * simulation headers) into `binary`. Returns the compile time in ms.
 */
export async function compileProject(
  projectDir: string,
  project: string,
  binary: string,
  o: CompileOptions = {},
): Promise<number> {
  const cxx = o.cxx ?? process.env['CXX'] ?? 'g++';
  const args = [
    o.optLevel ?? '-O2',
    '-std=c++14',
    ...(o.extraFlags ?? []),
    '-Ifirmware/ap_types',
    '-Ifirmware',
    `firmware/${project}.cpp`,
    `${project}_test.cpp`,
    '-o',
    binary,
  ];
  let result: ProcessResult;
  try {
    // LC_ALL=C: plain ASCII diagnostics (no typographic quotes) for the one-line summary.
    result = await withCompileSlot(() => runProcess(cxx, args, projectDir, { ...process.env, LC_ALL: 'C' }));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new SparsePixelsError(
        'SP_CSIM_NO_COMPILER',
        `C++ compiler "${cxx}" not found on PATH; install g++ (Debian/Ubuntu: apt-get install g++) or set CXX`,
        projectDir,
      );
    }
    throw err;
  }
  if (result.status !== 0) {
    throw new CsimCompileError(summarizeDiagnostics(cxx, result.stderr), projectDir, result.stderr);
  }
  return result.ms;
}

/** One line: how many errors, and the first one. */
export function summarizeDiagnostics(cxx: string, stderr: string): string {
  const errors = stderr.split('\n').filter((l) => /\berror\b/.test(l));
  const first = (errors[0] ?? stderr.split('\n').find((l) => l.trim()) ?? 'no diagnostics').trim();
  const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
  return `${cxx} failed (${count}); first: ${first.length > 300 ? `${first.slice(0, 300)}...` : first}`;
}
