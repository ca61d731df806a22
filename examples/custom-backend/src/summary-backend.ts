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
  type PreparedModel,
} from '@sparsepixels/ir';

/** The ops this backend knows how to describe (it could be any subset of the IR's ops). */
const SUPPORTED = new Set(['InputReduce', 'SparseConv2D', 'SparseActivation', 'SparsePooling2D', 'SparseFlatten', 'Dense', 'Activation']);

/**
 * A tiny backend written outside the sparsepixels packages: it turns a model into a Markdown
 * datasheet (one row per layer: op, output shape, slot capacity nMax, resolved result and
 * accumulator types). It needs nothing but @sparsepixels/ir: the Backend interface, prepareModel
 * (which passes a PreparedModel through, so a caller that prepared once is not prepared again), the
 * registry, and writeOutputFolder, which writes the folder atomically and marks it so that `force`
 * replaces only a folder this backend wrote.
 */
export const summaryBackend: Backend = {
  name: 'summary',
  description: 'Markdown datasheet of a model: layers, shapes, nMax and resolved fixed-point types',
  supportsOp: (op) => SUPPORTED.has(op),
  async emit(doc: ModelIR | PreparedModel, outDir: string, options: EmitOptions = {}): Promise<EmitResult> {
    const prepared = prepareModel(doc); // types resolved, shapes inferred (once)
    const { model } = prepared;
    checkBackendSupports(summaryBackend, model);
    const rows = prepared.layers.map(({ layer: l, output }) => {
      const shape = `[${output.shape.join(', ')}]`;
      const nMax = output.kind === 'sparse' ? output.nMax : '';
      return `| ${l.name} | ${l.op} | ${shape} | ${nMax} | \`${l.precision?.result ?? ''}\` | ${l.precision?.accum ? `\`${l.precision.accum}\`` : ''} |`;
    });
    const text = [
      `# ${model.name}`,
      '',
      `Input \`${model.input.name}\`: [${model.input.shape.join(', ')}], \`${model.input.type}\``,
      '',
      '| layer | op | output | nMax | result | accumulator |',
      '|---|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n');
    const folder = { kind: 'model-summary', backend: 'summary', version: '0.1.0', force: options.force === true, inputFiles: options.inputFiles ?? [] };
    const written = await writeOutputFolder(outDir, folder, (dir) => writeFileSync(join(dir, 'SUMMARY.md'), text));
    return { outDir: written.dir, files: written.files };
  },
};
