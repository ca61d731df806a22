export { randomSparseModel, randomStandardModel, randomType, randomInputs } from '@sparsepixels/ir/testing';
export { randomCases, paperCases, runCase, describeResult, STRICT_FLAGS } from './conformance';
export type { ConformanceCase, PaperCaseOptions } from './conformance';
export { smallSparseModel } from './small-model';
export { globalPoolCases } from './global-pool-cases';
