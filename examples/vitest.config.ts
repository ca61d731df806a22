import { packageTests } from '../vitest.shared';

// The examples' CI-sized modes (examples/<name>/<name>.test.ts) and the shared runner's unit tests.
// examples/custom-backend is exercised by packages/hls-vivado/test/example-custom-backend.test.ts.
export default packageTests('examples', {
  include: ['shared/**/*.test.ts', 'neutrino/**/*.test.ts', 'jet/**/*.test.ts', 'digits/**/*.test.ts', 'quick-start/**/*.test.ts', 'sparse-weights/**/*.test.ts'],
  testTimeout: 240_000,
});
