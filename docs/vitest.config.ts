import { packageTests } from '../vitest.shared';

// Checks of the design documents themselves: every anchor the code cites exists.
export default packageTests('docs', { include: ['test/**/*.test.ts'] });
