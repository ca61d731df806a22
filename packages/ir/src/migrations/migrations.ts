import type { Migration } from './migration';
import { v0ToV1 } from './v0-to-v1';
import { v1ToV2 } from './v1-to-v2';

/** Upgrade steps N -> N+1, applied in order from the document's version to the current one. */
export const MIGRATIONS: readonly Migration[] = Object.freeze([
  v0ToV1, // 0 -> 1
  v1ToV2, // 1 -> 2
]);
