import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkBackendSupports,
  prepareModel,
  writeOutputFolder,
  type Backend,
  type EmitOptions,
  type EmitResult,
  type ModelIR,
} from '@sparsepixels/ir';

/** The ops this backend knows how to describe (it could be any subset of the IR's ops). */
const SUPPORTED = new Set(['InputReduce', 'SparseConv2D', 'SparseActivation', 'SparsePooling2D', 'SparseFlatten', 'Dense', 'Activation']);

/**
 * A tiny backend written outside the sparsepixels packages: it turns a model into a Markdown
 * datasheet (one row per layer: op, output shape, slots, resolved result and accumulator types).
 * It needs nothing but @sparsepixels/ir: the Backend interface, prepareModel, the registry, and
 * writeOutputFolder, which writes the folder atomically and marks it so that `force` replaces only
 * a folder this backend wrote.
 */
export const summaryBackend: Backend = {
  name: 'summary',
  description: 'Markdown datasheet of a model: layers, shapes, slots and resolved fixed-point types',
  supportsOp: (op) => SUPPORTED.has(op),
  async emit(doc: ModelIR, outDir: string, options: EmitOptions = {}): Promise<EmitResult> {
    const { model } = prepareModel(doc); // types resolved, shapes inferred
    checkBackendSupports(summaryBackend, model);
    const rows = model.layers.map((l) => {
      const shape = l.output ? `[${l.output.shape.join(', ')}]` : '?';
      const slots = l.output?.slots ?? '';
      return `| ${l.name} | ${l.op} | ${shape} | ${slots} | \`${l.precision?.result ?? ''}\` | ${l.precision?.accum ? `\`${l.precision.accum}\`` : ''} |`;
    });
    const text = [
      `# ${model.name}`,
      '',
      `Input \`${model.input.name}\`: [${model.input.shape.join(', ')}], \`${model.input.type}\``,
      '',
      '| layer | op | output | slots | result | accumulator |',
      '|---|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n');
    const folder = { kind: 'model-summary', backend: 'summary', version: '0.1.0', force: options.force === true, inputFiles: options.inputFiles ?? [] };
    const written = await writeOutputFolder(outDir, folder, (dir) => writeFileSync(join(dir, 'SUMMARY.md'), text));
    return { outDir: written.dir, files: written.files };
  },
};
