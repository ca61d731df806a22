import { packageTests } from '../../vitest.shared';

export default packageTests('@sparsepixels/sparse-weights');
