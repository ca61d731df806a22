// Compiles and runs C++ programs against our hls-include/ap_types headers with the system g++.
// Used by tests only: a missing or failing g++ throws, so such tests fail rather than skip.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { SparsePixelsError } from '../../src/errors';

/** Absolute path of hls-include/ap_types (our ap_int.h / ap_fixed.h), handed to tests by vitest.shared.ts. */
export const AP_TYPES_DIR = join(inject('hlsIncludeDir'), 'ap_types');

export interface CppBuildOptions {
  /** `-std=` value, default c++14. */
  readonly std?: string;
  /** Optimisation flag, default -O1. */
  readonly opt?: string;
  /** Stop after checking the syntax (no executable). */
  readonly syntaxOnly?: boolean;
}

/** A compiled program in its own temporary directory; call `dispose()` when done. */
export interface CppProgram {
  /** Runs the program with `input` on stdin and returns its stdout (throws on a non-zero exit). */
  run(input?: string): string;
  dispose(): void;
}

/** The compiler's error lines first (a static_assert message can be deep in the output). */
function firstLines(text: string, n: number): string {
  const all = text.split('\n').filter((l) => l.trim() !== '');
  const errors = all.filter((l) => /error/.test(l));
  return (errors.length > 0 ? errors : all).slice(0, n).join(' | ');
}

/** The g++ command line used for a source file, with warnings as errors. */
export function gppArgs(source: string, output: string, o: CppBuildOptions = {}): string[] {
  const args = [
    `-std=${o.std ?? 'c++14'}`,
    o.opt ?? '-O1',
    '-Wall',
    '-Wextra',
    '-Werror',
    `-I${AP_TYPES_DIR}`,
  ];
  return o.syntaxOnly ? [...args, '-fsyntax-only', source] : [...args, source, '-o', output];
}

/** Compiles `source` (C++ text); throws SparsePixelsError SP_CPP_COMPILE with g++'s first errors. */
export function compileCpp(source: string, o: CppBuildOptions = {}): CppProgram {
  const dir = mkdtempSync(join(tmpdir(), 'sp-cpp-'));
  const dispose = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    const src = join(dir, 'main.cpp');
    const exe = join(dir, 'main');
    writeFileSync(src, source);
    const cc = spawnSync('g++', gppArgs(src, exe, o), { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (cc.error) throw new SparsePixelsError('SP_CPP_COMPILE', `cannot run g++: ${cc.error.message}`);
    if (cc.status !== 0) {
      throw new SparsePixelsError('SP_CPP_COMPILE', `g++ failed: ${firstLines(cc.stderr, 12)}`, src);
    }
    const run = (input = ''): string => {
      const r = spawnSync(exe, [], { input, encoding: 'utf8', maxBuffer: 256 << 20 });
      if (r.error || r.status !== 0) {
        const why = r.error?.message ?? `exit ${r.status} ${r.signal ?? ''}: ${firstLines(r.stderr, 5)}`;
        throw new SparsePixelsError('SP_CPP_RUN', `compiled program failed: ${why}`, exe);
      }
      return r.stdout;
    };
    return { run, dispose };
  } catch (e) {
    dispose();
    throw e;
  }
}
