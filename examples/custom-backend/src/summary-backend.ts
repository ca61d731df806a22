import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkBackendSupports, prepareModel, type Backend, type EmitResult, type ModelIR, type PreparedModel } from '@sparsepixels/ir';

/** The ops this backend knows how to describe (it could be any subset of the IR's ops). */
const SUPPORTED = new Set(['InputReduce', 'SparseConv2D', 'SparseActivation', 'SparsePooling2D', 'SparseFlatten', 'Dense', 'Activation']);

/**
 * A tiny backend written outside the sparsepixels packages: it turns a model into a Markdown
 * datasheet (one row per layer: op, output shape, slot capacity nMax, resolved result and
 * accumulator types). It needs nothing but @sparsepixels/ir: the Backend interface, prepareModel
 * (which passes a PreparedModel through, so a caller that prepared once is not prepared again) and
 * the registry.
 */
export const summaryBackend: Backend = {
  name: 'summary',
  description: 'Markdown datasheet of a model: layers, shapes, nMax and resolved fixed-point types',
  supportsOp: (op) => SUPPORTED.has(op),
  async emit(doc: ModelIR | PreparedModel, outDir: string): Promise<EmitResult> {
    const prepared = prepareModel(doc); // types resolved, shapes inferred (once)
    const { model } = prepared;
    checkBackendSupports(summaryBackend, model);
    const dir = resolve(outDir);
    mkdirSync(dir, { recursive: true });
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
    writeFileSync(join(dir, 'SUMMARY.md'), text);
    return { outDir: dir, files: ['SUMMARY.md'] };
  },
};
