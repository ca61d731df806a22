import { packageTests } from '../../vitest.shared';

// Most tests here compile the emitted C++ with g++ (several at once in describe.concurrent): on a
// loaded 2-core machine one compilation can take minutes, so the per-test limit is 5 minutes.
export default packageTests('@sparsepixels/hls-vitis', { testTimeout: 300_000 });
