export { randomSparseModel, randomStandardModel, randomType, randomInputs } from '@sparsepixels/ir/testing';
export { randomCases, paperCases, runCase, describeResult, STRICT_FLAGS } from './conformance';
export { expectBitExact, withBuild, caseWithBuild } from './conformance';
export type { ConformanceCase, PaperCaseOptions } from './conformance';
export { smallSparseModel } from './small-model';
export { pruneModel, nonZeroCounts, prunedCases } from './prune';
export type { PruneOptions } from './prune';
export { globalPoolCases } from './global-pool-cases';
