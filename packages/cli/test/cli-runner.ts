import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';

/** What a subprocess run of the CLI gave. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A runner of the built bin file (buildCliForTest) in a subprocess, as users run it. `where` is
 * read at each call (the files set bin and work in beforeAll). SPARSEPIXELS_DEBUG (and the
 * variables in `drop`) of the test's environment are left out; `env` adds variables per run.
 */
export function subprocessCli(
  where: () => { bin: string; cwd: string },
  o: { timeout: number; drop?: readonly string[] },
): (args: string[], env?: Record<string, string>, timeout?: number) => CliRun {
  return (args, env = {}, timeout = o.timeout) => {
    const base: NodeJS.ProcessEnv = { ...process.env };
    for (const k of ['SPARSEPIXELS_DEBUG', ...(o.drop ?? [])]) delete base[k];
    const { bin, cwd } = where();
    const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...base, ...env }, timeout });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
}

/** A refused run: exit 2 and exactly one line on stderr, `sparsepixels: error: ...` containing `text` (or matching it). */
export function expectUsageError(r: CliRun, text: string | RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(r.stderr.startsWith('sparsepixels: error: '), r.stderr).toBe(true);
  if (typeof text === 'string') expect(r.stderr).toContain(text);
  else expect(r.stderr).toMatch(text);
}
