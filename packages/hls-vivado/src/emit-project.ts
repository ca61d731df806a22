import { join } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import {
  checkOutputFolder,
  defaultEvents,
  fillFolder,
  formatDiagnostic,
  outputSpecs,
  prepareModel,
  toInputEvents,
  writeInputEvents,
  writeOutputFolder,
  writeOutputPredictions,
  type EmitOptions as IrEmitOptions,
  type EmitResult,
  type InputEvents,
  type PreparedModel,
} from '@sparsepixels/ir';
import pkg from '../package.json';
import { findEmitter } from './emitters';
import { hlsIncludeDir } from './paths';
import { buildProjectView } from './project-view';
import { IR_FILE, renderProject } from './render-project';
import type { ToolProfile } from './tool-profile';
import type { ProjectFile, StreamedFile } from './project-files';

export interface EmitOptions extends IrEmitOptions {
  /** Replace an existing project folder that sparsepixels wrote (never anything else; see writeOutputFolder). */
  readonly force?: boolean;
  /**
   * Test-bench events: H*W*C input values per event, flattened, or InputEvents read in slices
   * (the test-bench files are then written a batch at a time, memory bounded). Default: a few
   * deterministic random sparse events (including an empty one and one with more than N active
   * pixels).
   */
  readonly testInputs?: ArrayLike<number> | InputEvents;
  /**
   * Progress of the test-bench files: called with work done so far out of `total` (each event
   * counts twice: its input line, then its interpreted outputs).
   */
  readonly onTestEvents?: (done: number, total: number) => void;
  /** Files the caller adds to the project (e.g. the CLI's report.html): written and listed in its marker. */
  readonly extraFiles?: readonly ProjectFile[];
}

export interface EmitProjectResult extends EmitResult {
  readonly project: string;
  readonly eventCount: number;
  /** One line each: what the model asks for that the emitted project does not do. */
  readonly warnings: readonly string[];
}

/**
 * Renders the whole project of a PreparedModel (or of a document, prepared here once) and writes it
 * atomically to `outDir` as a marked 'hls-project' folder (writeOutputFolder of @sparsepixels/ir).
 * The test bench outputs come from the interpreter on the same PreparedModel.
 */
export async function emitProject(
  profile: ToolProfile,
  doc: PreparedModel | unknown,
  outDir: string,
  options: EmitOptions = {},
): Promise<EmitProjectResult> {
  checkOutputFolder(outDir, folderCheck(options)); // before the work, not only after it
  const prepared = prepareModel(doc);
  const { model, warnings } = prepared;
  checkSupported(prepared, profile);
  const view = buildProjectView(prepared, profile);
  const files: (ProjectFile | StreamedFile)[] = renderProject(model, view, profile);
  const inputSize = view.input.size;
  const events = toInputEvents(options.testInputs ?? defaultEvents(prepared), inputSize);
  if (options.testBatchSize !== undefined && options.testBatchSize !== events.count) {
    throw new SparsePixelsError(
      'SP_CSIM_EVENTS',
      `testInputs has ${events.count * inputSize} values; testBatchSize ${options.testBatchSize} events need ${options.testBatchSize * inputSize}`,
    );
  }
  const eventCount = events.count;
  const outputs = outputSpecs(prepared);
  const progress = (offset: number) => (done: number) => options.onTestEvents?.(offset + done, 2 * eventCount);
  files.push(
    { path: 'tb_data/tb_input_features.dat', content: (write) => writeInputEvents(events, write, progress(0)) },
    {
      path: 'tb_data/tb_output_predictions.dat',
      content: (write) => writeOutputPredictions(prepared, events, outputs, write, progress(eventCount)),
    },
    // the document as the user gave it (not the prepared one), as the project's source
    { path: IR_FILE, content: `${JSON.stringify(prepared.source, null, 2)}\n` },
  );
  for (const extra of options.extraFiles ?? []) {
    if (files.some((f) => f.path === extra.path)) {
      throw new SparsePixelsError('SP_EMIT_EXTRA_FILE', `extraFiles: '${extra.path}' is a file the project generates itself`);
    }
    files.push(extra);
  }
  const include = hlsIncludeDir();
  const copies = [
    { from: join(include, 'ap_types'), to: 'firmware/ap_types' },
    { from: join(include, 'nnet_utils'), to: 'firmware/nnet_utils' },
  ];
  const written = await writeOutputFolder(
    outDir,
    { ...folderCheck(options), backend: profile.name, version: pkg.version },
    (dir) => fillFolder(dir, files, copies),
  );
  return {
    outDir: written.dir,
    project: view.project,
    files: [...files.map((f) => f.path), 'firmware/ap_types/', 'firmware/nnet_utils/'].sort(),
    eventCount,
    warnings: [...warnings.map(formatDiagnostic), ...buildWarnings(model)],
  };
}

function folderCheck(options: EmitOptions) {
  // missing parent folders are created, as library callers expect (the CLI checks --out itself first)
  return { kind: 'hls-project', force: options.force === true, inputFiles: options.inputFiles ?? [], createParents: true };
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
