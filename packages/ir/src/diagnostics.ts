/**
 * The catalogue of IR diagnostics. Codes are stable (never reused or renumbered): SP1xxx document
 * and version, SP2xxx schema, SP3xxx graph, SP4xxx shapes and op semantics, SP5xxx precision and
 * weights, SP6xxx registries and backends, SP7xxx interpreter. Each message is one line that names
 * the offending value and what is allowed; `where` is a JSON pointer into the document.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  /** JSON pointer into the document ('' is the document itself). */
  readonly where: string;
  readonly message: string;
}

export interface DiagnosticDef<A extends unknown[]> {
  readonly code: string;
  readonly severity: Severity;
  readonly text: (...args: A) => string;
  /** A diagnostic of this kind located at `where`. */
  at(where: string, ...args: A): Diagnostic;
}

function def<A extends unknown[]>(code: string, severity: Severity, text: (...args: A) => string): DiagnosticDef<A> {
  return { code, severity, text, at: (where, ...args) => ({ code, severity, where, message: text(...args) }) };
}

const q = (v: unknown): string => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v) ?? String(v));

export const DIAGNOSTICS = {
  // SP1xxx: document and version
  notJson: def('SP1001', 'error', (detail: string) => `the document is not valid JSON (${detail})`),
  notObject: def('SP1002', 'error', (got: string) => `the document must be a JSON object, got ${got}`),
  badFormat: def('SP1003', 'error', (got: unknown) => `"format" must be 'sparsepixels-ir', got ${q(got)}`),
  badVersion: def('SP1004', 'error', (got: unknown, known: string) => `"version" must be an integer (${known}), got ${q(got)}`),
  futureVersion: def(
    'SP1005',
    'error',
    (got: number, current: number) =>
      `version ${got} is newer than this @sparsepixels/ir supports (up to ${current}); upgrade the package`,
  ),
  unknownVersion: def('SP1006', 'error', (got: number, known: string) => `unknown version ${got}; known versions are ${known}`),
  migrationFailed: def('SP1007', 'error', (from: number, detail: string) => `cannot upgrade from version ${from}: ${detail}`),

  // SP2xxx: JSON Schema
  schema: def('SP2001', 'error', (msg: string) => msg),
  missingProperty: def('SP2002', 'error', (prop: string, obj: string) => `missing required property '${prop}' in ${obj}`),
  unknownProperty: def('SP2003', 'error', (prop: string, obj: string, hint: string) => `unknown property '${prop}' in ${obj}${hint}`),
  wrongType: def('SP2004', 'error', (expected: string, got: string) => `must be ${expected}, got ${got}`),
  unknownOp: def('SP2005', 'error', (op: unknown, hint: string) => `unknown op ${q(op)}${hint}`),
  outOfBounds: def('SP2006', 'error', (got: unknown, bound: string) => `${q(got)} is out of range: must be ${bound}`),
  badEnum: def('SP2007', 'error', (got: unknown, allowed: string, hint: string) => `${q(got)} is not one of ${allowed}${hint}`),
  badTypeString: def('SP2008', 'error', (detail: string) => detail),

  // SP3xxx: graph
  duplicateName: def('SP3001', 'error', (name: string, first: string) => `duplicate name '${name}' (first used at ${first})`),
  unknownInput: def('SP3002', 'error', (layer: string, ref: string, hint: string) => `layer "${layer}" reads unknown tensor '${ref}'${hint}`),
  forwardReference: def(
    'SP3003',
    'error',
    (layer: string, ref: string) => `layer "${layer}" reads '${ref}', which is itself or a later layer (layers must be in topological order, no cycles)`,
  ),
  inputCount: def('SP3004', 'error', (layer: string, op: string, got: number, want: string) => `layer "${layer}" (${op}) takes ${want} input(s), got ${got}`),
  unknownOutput: def('SP3005', 'error', (ref: string, hint: string) => `output '${ref}' is not a layer or the input${hint}`),
  unusedLayer: def('SP3006', 'warning', (layer: string) => `layer "${layer}" does not contribute to any output`),
  cppName: def('SP3010', 'error', (name: string, problem: string) => `'${name}' ${problem}; choose another name`),

  // SP4xxx: shapes and op semantics
  needsSparse: def('SP4001', 'error', (layer: string, op: string) => `layer "${layer}" (${op}) needs a sparse input (insert it after InputReduce and before SparseFlatten)`),
  needsDense: def('SP4002', 'error', (layer: string, op: string) => `layer "${layer}" (${op}) needs a dense input, got a sparse one (insert SparseFlatten before it)`),
  notOdd: def('SP4003', 'error', (layer: string, key: string, v: number) => `layer "${layer}": ${key} ${v} must be odd`),
  kernelTooBig: def('SP4004', 'error', (layer: string, k: number, h: number, w: number) => `layer "${layer}": kernelSize ${k} must not exceed the ${h}x${w} grid`),
  poolTooBig: def('SP4005', 'error', (layer: string, p: number, h: number, w: number) => `layer "${layer}": poolSize ${p} must not exceed the ${h}x${w} grid`),
  poolDrops: def(
    'SP4006',
    'warning',
    (layer: string, p: number, h: number, w: number) => `layer "${layer}": the ${h}x${w} grid is not divisible by poolSize ${p}; pixels beyond ${Math.floor(h / p) * p}x${Math.floor(w / p) * p} are dropped`,
  ),
  rankMismatch: def('SP4007', 'error', (layer: string, op: string, want: string, got: string) => `layer "${layer}" (${op}) needs a ${want} input, got shape ${got}`),
  tooManyOfOp: def(
    'SP4008',
    'error',
    (layer: string, op: string, max: number, first: string) => `layer "${layer}": a model may hold ${max} ${op} layer(s); the first is "${first}"`,
  ),
  nMaxTooBig: def('SP4009', 'warning', (layer: string, n: number, pixels: number) => `layer "${layer}": nMax ${n} exceeds the ${pixels} pixels of the grid`),
  badInputShape: def('SP4010', 'error', (shape: string) => `input shape ${shape} must be [H, W, C] or [N] with positive integers`),
  notPowerOfTwo: def(
    'SP4011',
    'error',
    (layer: string, key: string, v: number, min: number, max: number) => `layer "${layer}": ${key} ${v} must be a power of two between ${min} and ${max}`,
  ),
  attrNotApplicable: def('SP4012', 'error', (layer: string, key: string, why: string) => `layer "${layer}": ${key} ${why}`),

  // SP5xxx: weights and precision
  weightShape: def('SP5001', 'error', (layer: string, w: string, want: string, got: string) => `layer "${layer}": weight '${w}' must have shape ${want}, got ${got}`),
  weightCount: def('SP5002', 'error', (layer: string, w: string, want: number, got: number) => `layer "${layer}": weight '${w}' needs ${want} values (product of its shape), got ${got}`),
  offGrid: def('SP5003', 'error', (layer: string, w: string, index: number, value: number, type: string) => `layer "${layer}": ${w}[${index}] = ${value} is not on the grid of ${type}`),
  outOfRange: def('SP5004', 'error', (layer: string, w: string, index: number, value: number, type: string) => `layer "${layer}": ${w}[${index}] = ${value} is outside the range of ${type}`),
  tooWide: def(
    'SP5005',
    'error',
    (layer: string, what: string, need: number) => `layer "${layer}": an exact ${what} type needs ${need} bits, more than the 64 allowed; declare a narrower input/weight type or fix the ${what} type`,
  ),
  autoNotAllowed: def('SP5006', 'error', (what: string) => `${what} cannot be 'auto'`),
  missingWeights: def('SP5007', 'error', (layer: string, op: string, w: string) => `layer "${layer}" (${op}) needs weight '${w}'`),
  noReciprocal: def(
    'SP5008',
    'error',
    (layer: string, max: number, exact = 'sum/P^2') => `layer "${layer}": no pooling reciprocal of up to ${max} fraction bits is within half an output LSB of ${exact} for every sum; declare attrs.reciprocalBits or a coarser result type`,
  ),

  // SP6xxx: registries and backends
  unknownBackend: def('SP6001', 'error', (name: string, hint: string) => `unknown backend '${name}'${hint}`),
  duplicateBackend: def('SP6002', 'error', (name: string) => `a backend named '${name}' is already registered`),
  duplicateOp: def('SP6003', 'error', (op: string) => `an op named '${op}' is already registered`),
  unknownRegisteredOp: def('SP6004', 'error', (op: string, hint: string) => `unknown op '${op}'${hint}`),
  badOpDef: def('SP6005', 'error', (detail: string) => `invalid op definition: ${detail}`),
  badBackendName: def('SP6007', 'error', (name: string) => `backend name ${JSON.stringify(name)} must be lower-case letters, digits and '-' (starting with a letter)`),
  unsupportedOp: def('SP6006', 'error', (backend: string, layer: string, op: string) => `backend '${backend}' does not support layer "${layer}" (${op})`),

  // SP7xxx: interpreter
  inputLength: def('SP7001', 'error', (got: number, want: number, batch: number) => `input has ${got} values, expected ${want} (${batch} events of H*W*C)`),
  notPrepared: def('SP7002', 'error', (detail: string) => `the model is not prepared (${detail}); run prepareModel first`),
  badBatch: def('SP7003', 'error', (got: number) => `batchSize must be a non-negative integer, got ${got}`),
  eventSize: def('SP7004', 'error', (detail: string) => `input events: ${detail}`),
} as const;

/** `SP4003 error /layers/1/attrs/kernelSize: layer "conv1": kernelSize 4 must be odd` */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.code} ${d.severity} ${d.where === '' ? '(document)' : d.where}: ${d.message}`;
}
