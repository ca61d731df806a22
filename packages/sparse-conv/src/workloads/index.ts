export { WORKLOADS, WORKLOAD_SEED_BASE, workloadByName, type WorkloadSpec } from './workload-list';
export { generateWorkload, type Workload } from './generate';
export { Pcg64, seedSequenceState } from './pcg64';
export { choiceWithoutReplacement } from './choice';
export { checksums, checksumsAgree, CHECKSUM_RTOL, ExactSum, type Checksums } from './checksums';
export { referenceConvolve } from './reference';
export {
  writeWorkloads,
  readWorkload,
  MAX_STORED_OUTPUT,
  type LoadedWorkload,
  type ReferenceMode,
} from './files';
export { csrNpz, npyBytes, npyShape } from './npy';
