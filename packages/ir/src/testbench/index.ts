// Test-bench data formats and the comparison with the interpreter, shared by every backend that
// simulates what it emitted (C simulation, RTL simulation).
export { rawToExactDecimal, exactDecimalToRaw } from './exact-decimal';
export { formatInputEvents, parseInputEvents, formatOutputs } from './tb-data';
export { parseResults, parseTrace } from './parse-results';
export type { OutputSpec, TraceLine } from './parse-results';
export { interpretEvents, defaultEvents } from './reference';
export type { LayerTrace, ReferenceRun } from './reference';
export { compareOutputs, firstDivergence, formatCsimReport } from './compare';
export type { Mismatch, Divergence, CsimReport } from './compare';
export { outputSpecs } from './output-specs';
