import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import { IRValidationError, jsonErrorDetail, prepareModel, type ModelIR, type PreparedModel } from '@sparsepixels/ir';
import { fileError } from '../io/file-errors';
import { cliCommand } from '../cli/shell-quote';

/** A model named on the command line: an IR document, or a saved TensorFlow.js model exported to one. */
export interface LoadedModel {
  /** The IR document as read (not yet prepared). */
  readonly doc: unknown;
  readonly kind: 'ir' | 'saved-model';
  /** The file the document came from (model.json of a saved model). */
  readonly file: string;
  /** A saved model is exported and prepared in one step; its PreparedModel is kept here. */
  readonly prepared?: PreparedModel;
}

/** What to change in the document before it is prepared (e.g. `convert --project --hls-config`). */
export interface LoadOptions {
  readonly edit?: (doc: ModelIR) => ModelIR;
}

const KINDS = 'a sparsepixels IR .json, a saved-model folder or an HLS project folder';

/** In a folder: the saved model or IR `model.json`, else the IR of an HLS project. */
function fileInFolder(dir: string): string {
  for (const name of ['model.json', 'model.ir.json']) if (existsSync(join(dir, name))) return join(dir, name);
  throw new SparsePixelsError(
    'SP_MODEL_FILE',
    `not a model folder: it holds no model.json or model.ir.json (expected ${KINDS})`,
    dir,
  );
}

function parseJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw fileError(err, 'read', file);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new SparsePixelsError(
      'SP_MODEL_FILE',
      `not a JSON model document (${jsonErrorDetail(text, err)}); expected ${KINDS}`,
      file,
    );
  }
}

const isSavedModel = (v: unknown) => typeof v === 'object' && v !== null && 'modelTopology' in v;

/** `doc` changed by `edit` (a document that is not an object is left to validation). */
function edited(doc: unknown, edit: LoadOptions['edit']): unknown {
  if (!edit || typeof doc !== 'object' || doc === null || Array.isArray(doc)) return doc;
  return edit(doc as ModelIR);
}

/**
 * Reads `path` (file or folder); a saved TensorFlow.js model is loaded and exported with
 * exportPrepared (prepared there, once).
 */
export async function loadModelDocument(path: string, options: LoadOptions = {}): Promise<LoadedModel> {
  if (!existsSync(path))
    throw new SparsePixelsError(
      'SP_FILE_NOT_FOUND',
      'cannot read the model: no such file or directory',
      path,
    );
  const file = statSync(path).isDirectory() ? fileInFolder(path) : path;
  const doc = parseJson(file);
  if (!isSavedModel(doc)) return { doc: edited(doc, options.edit), kind: 'ir', file };
  const layers = await import('@sparsepixels/layers');
  let model: Awaited<ReturnType<typeof layers.loadModel>>;
  try {
    model = await layers.loadModel(dirname(file));
  } catch (err) {
    if (err instanceof SparsePixelsError) throw err;
    // TensorFlow.js' own complaint about a file the user gave: bad input, one line, the file named
    const why = String((err as Error)?.message ?? err).split('\n')[0];
    throw new SparsePixelsError('SP_MODEL_FILE', `cannot load the saved TensorFlow.js model: ${why}`, file);
  }
  try {
    // an edited document is prepared once by prepareLoaded; an unedited one is exported prepared
    if (options.edit) return { doc: options.edit(layers.exportDocument(model)), kind: 'saved-model', file };
    const prepared = layers.exportPrepared(model);
    return { doc: prepared.source, kind: 'saved-model', file, prepared };
  } catch (err) {
    if (err instanceof SparsePixelsError && err.code === 'SP_EXPORT_INPUT_TYPE')
      throw new SparsePixelsError(
        'SP_MODEL_FILE',
        'the saved model has no QuantizeInput layer, so the fixed-point type of its input is unknown; make QuantizeInput its first layer and save it again',
        file,
      );
    throw err;
  }
}

/**
 * prepareModel (once: a saved model came prepared), with the file named in the one-line error
 * (every diagnostic: `sparsepixels validate`).
 */
export function prepareLoaded(loaded: LoadedModel): { prepared: PreparedModel; model: ModelIR; warnings: string[] } {
  try {
    const prepared = loaded.prepared ?? prepareModel(loaded.doc);
    const warnings = prepared.warnings.map((w) => `${w.code} ${w.where || '(document)'}: ${w.message}`);
    return { prepared, model: prepared.model, warnings };
  } catch (err) {
    if (!(err instanceof IRValidationError)) throw err;
    const hint =
      loaded.kind === 'ir' ? `; run '${cliCommand('validate', loaded.file)}' for the full list` : '';
    throw new SparsePixelsError(err.code, `${err.message}${hint}`, loaded.file);
  }
}

/** Loads and prepares in one step. */
export async function loadPreparedModel(
  path: string,
  options: LoadOptions = {},
): Promise<{ prepared: PreparedModel; model: ModelIR; loaded: LoadedModel; warnings: string[] }> {
  const loaded = await loadModelDocument(path, options);
  return { ...prepareLoaded(loaded), loaded };
}
