import { packageTests } from '../../vitest.shared';

// Verilator builds are slow and the machine is shared: test files run one at a time.
export default packageTests('@sparsepixels/rtl', { testTimeout: 600_000, fileParallelism: false });
