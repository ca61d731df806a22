import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import { firstError, runTool } from './run-process';

export interface VerilatorBuildOptions {
  /** Folder the build runs in; paths below are relative to it or absolute. */
  readonly dir: string;
  readonly top: string;
  readonly sources: readonly string[];
  readonly cpp: readonly string[];
  readonly includeDirs?: readonly string[];
  /** Build folder (default `obj_dir`) and executable name. */
  readonly objDir?: string;
  readonly binary?: string;
  /** Parallel make jobs (default 1: the test machines are shared). */
  readonly jobs?: number;
  /** g++ optimisation of the model (default -O1: compile time grows fast with -O2 on large designs). */
  readonly optLevel?: string;
  /** Extra Verilator arguments. */
  readonly extraArgs?: readonly string[];
}

/**
 * Flags that keep large designs buildable: output files and functions split so g++ never sees one
 * huge translation unit, the model compiled at `opt` (-O1: compile time grows fast with -O2 on
 * large designs), and no warnings as errors (lint runs separately with -Wall).
 */
export function commonVerilatorFlags(opt: string, includeDirs: readonly string[]): string[] {
  return [
    '--cc',
    '--exe',
    '--build',
    '--output-split',
    '20000',
    '--output-split-cfuncs',
    '2000',
    '-Wno-fatal',
    '-Wno-lint',
    '-Wno-style',
    '-MAKEFLAGS',
    `OPT_FAST=${opt} OPT_SLOW=-O0 OPT_GLOBAL=${opt}`,
    '-CFLAGS',
    `-std=c++17 ${opt}${includeDirs.map((d) => ` -I${d}`).join('')}`,
  ];
}

export function verilatorArgs(o: VerilatorBuildOptions): string[] {
  const obj = o.objDir ?? 'obj_dir';
  return [
    ...commonVerilatorFlags(o.optLevel ?? '-O1', o.includeDirs ?? []),
    '-j',
    String(o.jobs ?? 1),
    '--top-module',
    o.top,
    '-Mdir',
    obj,
    '-o',
    o.binary ?? `V${o.top}`,
    ...(o.extraArgs ?? []),
    ...o.sources,
    ...o.cpp,
  ];
}

/** Builds a Verilated simulation; returns the executable's path and the build time. */
export async function buildVerilator(o: VerilatorBuildOptions): Promise<{ binary: string; ms: number }> {
  const obj = o.objDir ?? 'obj_dir';
  if (!existsSync(join(o.dir, obj))) mkdirSync(join(o.dir, obj), { recursive: true });
  const r = await runTool('verilator', verilatorArgs(o), o.dir, 'verilator');
  if (r.status !== 0) {
    throw new SparsePixelsError('SP_RTL_BUILD', `Verilator build failed: ${firstError(`${r.stderr}\n${r.stdout}`)}`, o.dir);
  }
  return { binary: resolve(o.dir, obj, o.binary ?? `V${o.top}`), ms: r.ms };
}

/** `verilator --lint-only -Wall` on the sources; returns the warnings (empty when clean). */
export async function lintVerilog(dir: string, top: string, sources: readonly string[]): Promise<string[]> {
  const r = await runTool('verilator', ['--lint-only', '-Wall', '--top-module', top, ...sources], dir, 'verilator');
  return `${r.stderr}`.split('\n').filter((l) => /^%(Warning|Error)/.test(l));
}
