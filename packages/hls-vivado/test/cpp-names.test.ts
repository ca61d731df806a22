import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { cppNameProblem, getOp, isLayerOf, prepareModel, type ModelIR } from '@sparsepixels/ir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCsimReport, listEmitterOps, vivadoBackend } from '../src';
import { globalPoolCases, randomSparseModel, randomStandardModel, smallSparseModel } from '../src/testing';

// ir refuses a project or input name that is a C++ keyword, reserved, or defined by the generated
// project itself (packages/ir/src/names/cpp-names.ts). Here the defined names come from real
// projects: g++ dumps every declaration of both translation units (-fdump-lang-raw) and every
// macro (-dD); each name that our files declare in the global scope, in the test bench's main or
// in the top function must be refused by ir. And names that only look alike must compile.
const root = mkdtempSync(join(tmpdir(), 'sp-names-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const GXX = ['-std=c++14', '-Ifirmware/ap_types', '-Ifirmware'];

/** Files of the project (basenames), which g++ names in its dump: ours, as opposed to system headers. */
function ourFiles(dir: string): Set<string> {
  const out = new Set<string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.add(e.name);
    }
  };
  walk(dir);
  return out;
}

interface Node {
  readonly kind: string;
  readonly text: string;
}

/** g++'s raw declaration dump of one translation unit, by node id. */
function rawDump(dir: string, file: string): Map<string, Node> {
  const r = spawnSync('g++', [...GXX, '-fsyntax-only', '-fdump-lang-raw', `-dumpdir`, `${root}/`, '-dumpbase', 'tu', file], { cwd: dir, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const raw = readdirSync(root).find((f) => f.startsWith('tu') && f.endsWith('.raw'))!;
  const text = readFileSync(join(root, raw), 'utf8');
  rmSync(join(root, raw));
  const nodes = new Map<string, Node>();
  let id = '';
  for (const line of text.split('\n')) {
    const m = /^(@\d+)\s+(\w+)\s*(.*)$/.exec(line);
    if (m) {
      id = m[1]!;
      nodes.set(id, { kind: m[2]!, text: m[3]! });
    } else if (id) {
      const n = nodes.get(id)!;
      nodes.set(id, { kind: n.kind, text: `${n.text} ${line.trim()}` });
    }
  }
  return nodes;
}

const field = (n: Node | undefined, name: string) => (n ? new RegExp(`\\b${name}: (\\S+)`).exec(n.text)?.[1] : undefined);

/** The names that our files declare in the global scope or in the functions `functions` matches. */
function declaredNames(dir: string, file: string, functions: RegExp): Set<string> {
  const nodes = rawDump(dir, file);
  const ours = ourFiles(dir);
  const nameOf = (id: string | undefined) => (id ? field(nodes.get(id), 'strg') : undefined);
  const unit = [...nodes].find(([, n]) => n.kind === 'translation_unit_decl')![0];
  const global = new Set([unit, ...[...nodes].filter(([, n]) => n.kind === 'namespace_decl' && nameOf(field(n, 'name')) === '::').map(([id]) => id)]);
  const fnIds = new Set([...nodes].filter(([, n]) => n.kind === 'function_decl' && functions.test(nameOf(field(n, 'name')) ?? '')).map(([id]) => id));
  const globalEnums = new Set(
    [...nodes].filter(([, n]) => n.kind === 'enumeral_type' && global.has(field(nodes.get(field(n, 'name') ?? ''), 'scpe') ?? '')).map(([id]) => id),
  );
  const out = new Set<string>();
  for (const n of nodes.values()) {
    if (!n.kind.endsWith('_decl')) continue; // classes are 'artificial' type_decls, so keep those
    const src = field(n, 'srcp')?.replace(/:\d+$/, '');
    if (!src || !ours.has(basename(src))) continue;
    const scope = field(n, 'scpe') ?? '';
    if (!global.has(scope) && !fnIds.has(scope) && !globalEnums.has(scope)) continue;
    const name = nameOf(field(n, 'name'));
    if (name && /^[A-Za-z_]\w*$/.test(name)) out.add(name);
  }
  return out;
}

/** Macros that our files define (g++ -dD: definitions between line markers naming the file). */
function definedMacros(dir: string, file: string): Set<string> {
  const r = spawnSync('g++', [...GXX, '-E', '-dD', file], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  expect(r.status, r.stderr).toBe(0);
  const ours = ourFiles(dir);
  const out = new Set<string>();
  let current = '';
  for (const line of r.stdout.split('\n')) {
    const marker = /^# \d+ "([^"]+)"/.exec(line);
    if (marker) current = basename(marker[1]!);
    const def = /^#define (\w+)/.exec(line);
    if (def && ours.has(current)) out.add(def[1]!);
  }
  return out;
}

/**
 * smallSparseModel (as it is, with the threshold as a top-level input, and with reuse factor 2),
 * a standard model with io_stream, a global average pooling model, plus
 * random models until every emitter and activation has been emitted.
 */
function coveringModels(): ModelIR[] {
  const small = smallSparseModel();
  const standard = randomStandardModel(1); // io_stream is for standard CNNs
  const models = [
    small,
    { ...small, build: { ...small.build, thresholdInput: true } },
    { ...standard, build: { ...standard.build, ioType: 'io_stream' as const } },
    { ...small, build: { ...small.build, reuseFactor: 2 } }, // dense_reuse's lane table
    globalPoolCases([13], 1)[0]!.model, // SparseGlobalPooling2D avg: its accumulator, reciprocal type and table
  ];
  const seen = new Set<string>();
  const note = (m: ModelIR) =>
    m.layers.forEach((l) => {
      seen.add(l.op);
      if (isLayerOf(l, 'Activation') || isLayerOf(l, 'SparseActivation')) seen.add(`activation:${l.attrs.activation}`);
      if (isLayerOf(l, 'SparsePooling2D')) seen.add(`mode:${l.attrs.mode}`);
    });
  models.forEach(note);
  const want = [...listEmitterOps(), 'activation:sigmoid', 'activation:softmax', 'mode:max', 'mode:avg'];
  for (let seed = 1; seed < 200 && !want.every((w) => seen.has(w)); seed++) {
    for (const m of [randomSparseModel(seed), randomStandardModel(seed)]) {
      const before = seen.size;
      note(m);
      if (seen.size > before) models.push(m);
    }
  }
  expect(want.filter((w) => !seen.has(w))).toEqual([]);
  return models;
}

describe('C++ names the generated projects define are refused by ir', () => {
  const names = new Set<string>();
  // emits the covering models and runs g++ on each (-fdump-lang-raw, -E -dD): generous under load
  beforeAll(async () => {
    for (const [k, doc] of coveringModels().entries()) {
      const prepared = prepareModel(doc);
      const project = prepared.model.build?.project ?? 'myproject';
      const { outDir } = await vivadoBackend.emit(prepared, join(root, `p${k}`));
      // the top function and, with io_stream, its per-layer processes
      const firmware = declaredNames(outDir, `firmware/${project}.cpp`, new RegExp(`^(${project}|layer\\d+_process)$`));
      const bench = declaredNames(outDir, `${project}_test.cpp`, /^main$/);
      const macros = new Set([...definedMacros(outDir, `firmware/${project}.cpp`), ...definedMacros(outDir, `${project}_test.cpp`)]);
      for (const n of [...firmware, ...bench, ...macros]) names.add(n);
      for (const own of [project, doc.input.name, `${doc.input.name}_stream`, `${project.toUpperCase()}_H_`]) names.delete(own);
    }
  }, 300_000);

  it('finds the names (sanity: the dump is read)', () => {
    for (const n of ['sp', 'ap_fixed', 'AP_SAT', 'N_INPUT', 'config3', 'w3', 'layer3_out', 'main', 'tb_values', 'SP_DENSE_H_', 'DEFINES_H_']) {
      expect(names, n).toContain(n);
    }
    expect(getOp('Dense').type).toBe('Dense');
  });

  it('every one of them is refused as a project name and as an input name', () => {
    const accepted = [...names].filter((n) => !cppNameProblem(n, 'project') || !cppNameProblem(n, 'input')).sort();
    expect(accepted).toEqual([]);
  });
});

describe('names that only look like them compile and simulate bit-exactly', () => {
  it.each([
    ['Int', 'mainx'],
    ['sp_trigger', 'config'],
    ['layer2', 'values'],
    ['classy', 'input'],
  ])('project %s, input %s', async (project, input) => {
    const doc = smallSparseModel();
    doc.input = { ...doc.input, name: input };
    doc.layers[0] = { ...doc.layers[0]!, inputs: [input] };
    doc.build = { ...doc.build, project };
    expect(cppNameProblem(project, 'project')).toBeUndefined();
    expect(cppNameProblem(input, 'input')).toBeUndefined();
    const { outDir } = await vivadoBackend.emit(doc, join(root, `near-${project}`));
    const r = await vivadoBackend.csim(outDir, { optLevel: '-O0' });
    expect(r.bitExact, formatCsimReport(r)).toBe(true);
  }, 180_000);
});
