import { join } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import {
  defaultEvents,
  formatDiagnostic,
  formatInputEvents,
  formatOutputs,
  interpretEvents,
  outputSpecs,
  prepareModel,
  type EmitOptions as IrEmitOptions,
  type EmitResult,
  type PreparedModel,
} from '@sparsepixels/ir';
import { findEmitter } from './emitters';
import { hlsIncludeDir } from './paths';
import { buildProjectView } from './project-view';
import { IR_FILE, renderProject } from './render-project';
import type { ToolProfile } from './tool-profile';
import { writeProject } from './write-project';

export interface EmitOptions extends IrEmitOptions {
  /** Replace an existing non-empty output folder. */
  readonly force?: boolean;
  /**
   * Test-bench events: H*W*C input values per event, flattened. Default: a few deterministic
   * random sparse events (including an empty one and one with more than N active pixels).
   */
  readonly testInputs?: ArrayLike<number>;
}

export interface EmitProjectResult extends EmitResult {
  readonly project: string;
  readonly eventCount: number;
  /** One line each: what the model asks for that the emitted project does not do. */
  readonly warnings: readonly string[];
}

/**
 * Renders the whole project of a PreparedModel (or of a document, prepared here once) and writes it
 * atomically to `outDir`. The test bench outputs come from the interpreter on the same PreparedModel.
 */
export function emitProject(profile: ToolProfile, doc: PreparedModel | unknown, outDir: string, options: EmitOptions = {}): EmitProjectResult {
  const prepared = prepareModel(doc);
  const { model, warnings } = prepared;
  checkSupported(prepared, profile);
  const view = buildProjectView(prepared, profile);
  const files = renderProject(model, view, profile);
  const inputSize = view.input.size;
  const events = options.testInputs ?? defaultEvents(prepared);
  if (options.testBatchSize !== undefined && options.testBatchSize * inputSize !== events.length) {
    throw new SparsePixelsError(
      'SP_CSIM_EVENTS',
      `testInputs has ${events.length} values; testBatchSize ${options.testBatchSize} events need ${options.testBatchSize * inputSize}`,
    );
  }
  const eventCount = events.length / inputSize;
  const outputs = outputSpecs(prepared);
  const raws = interpretEvents(prepared, Float64Array.from(events), inputSize).outputs;
  files.push(
    { path: 'tb_data/tb_input_features.dat', content: formatInputEvents(events, inputSize) },
    { path: 'tb_data/tb_output_predictions.dat', content: formatOutputs(raws, outputs) },
    // the document as the user gave it (not the prepared one), as the project's source
    { path: IR_FILE, content: `${JSON.stringify(prepared.source, null, 2)}\n` },
  );
  const include = hlsIncludeDir();
  const copies = [
    { from: join(include, 'ap_types'), to: 'firmware/ap_types' },
    { from: join(include, 'nnet_utils'), to: 'firmware/nnet_utils' },
  ];
  const dir = writeProject(outDir, files, copies, options);
  return {
    outDir: dir,
    project: view.project,
    files: [...files.map((f) => f.path), 'firmware/ap_types/', 'firmware/nnet_utils/'].sort(),
    eventCount,
    warnings: [...warnings.map(formatDiagnostic), ...buildWarnings(model)],
  };
}

function checkSupported(prepared: PreparedModel, profile: ToolProfile): void {
  const missing = [...new Set(prepared.model.layers.filter((l) => !findEmitter(l.op)).map((l) => l.op))];
  if (missing.length > 0) {
    throw new SparsePixelsError(
      'SP_HLS_UNSUPPORTED',
      `the ${profile.name} backend cannot emit op${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`,
    );
  }
}

/** Build hints are honoured or refused (project-view.ts); nothing to warn about. */
function buildWarnings(_model: PreparedModel['model']): string[] {
  return [];
}
