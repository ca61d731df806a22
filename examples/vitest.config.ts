import { packageTests } from '../vitest.shared';

// The examples' CI-sized modes (examples/<name>/<name>.test.ts), the shared runner's unit tests and
// the outside backend of examples/custom-backend.
export default packageTests('examples', {
  include: ['shared/**/*.test.ts', 'neutrino/**/*.test.ts', 'jet/**/*.test.ts', 'digits/**/*.test.ts', 'quick-start/**/*.test.ts', 'custom-backend/**/*.test.ts', 'sparse-weights/**/*.test.ts'],
  testTimeout: 240_000,
});
