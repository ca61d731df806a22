import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import { validateModel, type Diagnostic } from '@sparsepixels/ir';
import { Argument, type Command } from 'commander';
import { EXIT_OK, EXIT_USAGE, type ExitCode } from '../cli/exit-codes';
import { fileError } from '../io/file-errors';
import type { CliCommand, CommandContext, CommandInput } from './command';

/** The IR file to validate: the path itself, or the model.ir.json / model.json of a folder. */
function irFile(path: string): string {
  if (!existsSync(path))
    throw new SparsePixelsError(
      'SP_FILE_NOT_FOUND',
      'cannot read the model: no such file or directory',
      path,
    );
  if (!statSync(path).isDirectory()) return path;
  for (const name of ['model.ir.json', 'model.json'])
    if (existsSync(join(path, name))) return join(path, name);
  throw new SparsePixelsError(
    'SP_MODEL_FILE',
    'not a model folder: it holds no model.ir.json or model.json',
    path,
  );
}

/** The layer a pointer into /layers/<i> points at, so each line names the layer too. */
function layerOf(doc: unknown, where: string): string | undefined {
  const m = /^\/layers\/(\d+)(?:\/|$)/.exec(where);
  const layers = (doc as { layers?: unknown } | undefined)?.layers;
  if (!m || !Array.isArray(layers)) return undefined;
  const name = (layers[Number(m[1])] as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? name : undefined;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function line(d: Diagnostic, doc: unknown): string {
  const layer = layerOf(doc, d.where);
  return `${d.severity} ${d.code} ${d.where === '' ? '(document)' : d.where}${layer ? ` (layer "${layer}")` : ''}: ${d.message}`;
}

function run({ args }: CommandInput, ctx: CommandContext): ExitCode {
  const given = String(args[0]);
  const file = irFile(ctx.resolvePath(given));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw fileError(err, 'read', file);
  }
  const doc = parsed(text);
  if ((doc as { modelTopology?: unknown } | undefined)?.modelTopology !== undefined) {
    throw new SparsePixelsError(
      'SP_MODEL_FILE',
      "this is a saved TensorFlow.js model, not an IR document; 'npx sparsepixels inspect' and 'convert' read it",
      file,
    );
  }
  const r = validateModel(text);
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = r.diagnostics.length - errors;
  for (const d of r.diagnostics) ctx.info(line(d, doc));
  const counts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  ctx.info(
    r.valid
      ? `${given}: valid (${r.model!.layers.length} layers; ${counts})`
      : `${given}: invalid (${counts})`,
  );
  ctx.result({
    input: file,
    valid: r.valid,
    errorCount: errors,
    warningCount: warnings,
    diagnostics: r.diagnostics.map((d) => ({ ...d, layer: layerOf(doc, d.where) ?? null })),
  });
  return r.valid ? EXIT_OK : EXIT_USAGE;
}

/** `sparsepixels validate <model.json>`: every schema and semantic problem of an IR document. */
export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check an IR model document and print every problem (exit 2 if invalid)',
  description:
    'Validate a sparsepixels IR document: JSON Schema, then the semantic passes (shapes, N, kernel and pool sizes, ' +
    'weights on their declared grids, type widths). Every problem is printed on one line with its JSON pointer and ' +
    'layer; warnings are printed too but do not fail. Exit 0 when valid, 2 when not.',
  examples: [
    ['validate model.json', 'check an IR document'],
    ['validate sparsepixels-demo', 'check the IR an HLS project was made from (its model.ir.json)'],
    ['validate model.json --json', 'the diagnostics as JSON'],
  ],
  json: true,
  configure(cmd: Command): void {
    cmd.addArgument(
      new Argument('<model.json>', 'IR document (or a folder holding model.ir.json / model.json)'),
    );
  },
  run,
};
