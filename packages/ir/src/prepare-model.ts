import { jsonErrorDetail } from './util/json-error';
import { DIAGNOSTICS, type Diagnostic } from './diagnostics';
import { IRValidationError } from './ir-validation-error';
import { migrateDocument } from './migrations/migrate';
import type { ModelIR } from './model';
import type { Pass, PassContext } from './passes/pass';
import { PIPELINE } from './passes/pipeline';
import { describePrepared, isPreparedModel, type PreparedModel } from './prepared-model';
import { validateSchema } from './schema/validate-schema';

export interface ValidationResult {
  /** True when there is no error (warnings allowed). */
  readonly valid: boolean;
  /** Errors and warnings, in the order found. */
  readonly diagnostics: readonly Diagnostic[];
  /** The prepared model (types resolved, shapes inferred), when valid. */
  readonly model?: ModelIR;
  /** The same with its types parsed and tensors described, when valid. */
  readonly prepared?: PreparedModel;
}

/** What prepareModel returns (kept as a name for callers of earlier versions). */
export type PrepareResult = PreparedModel;

/** Runs passes in order, collecting every diagnostic; the input is never modified. */
export function runPasses(model: ModelIR, passes: readonly Pass[] = PIPELINE): { model: ModelIR; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const ctx: PassContext = {
    report: (d) => diagnostics.push(d),
    hasErrors: () => diagnostics.some((d) => d.severity === 'error'),
  };
  let m = model;
  for (const pass of passes) m = pass.run(m, ctx);
  return { model: m, diagnostics };
}

function parse(doc: unknown): { value?: unknown; diagnostics: Diagnostic[] } {
  if (typeof doc !== 'string') return { value: doc, diagnostics: [] };
  try {
    return { value: JSON.parse(doc) as unknown, diagnostics: [] };
  } catch (e) {
    return { diagnostics: [DIAGNOSTICS.notJson.at('', jsonErrorDetail(doc, e))] };
  }
}

/**
 * Parses (if given a JSON string), checks format and version, migrates, validates against the
 * schema, then runs the pass pipeline. Never throws for a bad document: every problem is a
 * diagnostic. The caller's object is not modified.
 */
export function validateModel(doc: unknown): ValidationResult {
  const parsed = parse(doc);
  if (parsed.diagnostics.length > 0) return { valid: false, diagnostics: parsed.diagnostics };
  const migrated = migrateDocument(parsed.value);
  if (!migrated.doc) return { valid: false, diagnostics: migrated.diagnostics };
  const schemaProblems = validateSchema(migrated.doc);
  if (schemaProblems.length > 0) return { valid: false, diagnostics: schemaProblems };
  const { model, diagnostics } = runPasses(structuredClone(migrated.doc) as unknown as ModelIR);
  const valid = !diagnostics.some((d) => d.severity === 'error');
  if (!valid) return { valid, diagnostics };
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  return { valid, diagnostics, model, prepared: describePrepared(model, parsed.value, warnings) };
}

/**
 * validateModel, throwing one IRValidationError (with every diagnostic) when the document has
 * errors; otherwise the PreparedModel (prepared document, warnings, parsed types, tensors). A
 * PreparedModel passed in is returned as it is, so a chain of calls prepares once.
 */
export function prepareModel(doc: unknown): PreparedModel {
  if (isPreparedModel(doc)) return doc;
  const r = validateModel(doc);
  if (!r.valid || !r.prepared) throw new IRValidationError(r.diagnostics);
  return r.prepared;
}
