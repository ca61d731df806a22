export { randomSparseModel, randomStandardModel, randomType } from './random-model';
export { randomInputs } from './random-inputs';
export { randomCases, paperCases, runCase, describeResult, STRICT_FLAGS } from './conformance';
export type { ConformanceCase, PaperCaseOptions } from './conformance';
export { smallSparseModel } from './small-model';
