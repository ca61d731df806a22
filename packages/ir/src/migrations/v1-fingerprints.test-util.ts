// Fingerprints of what the interpreter computes on random version-1 documents: the golden file
// v1-golden.json was written by the v1 interpreter (before IR version 2 existed), so a test can
// check that every v1 document keeps its exact bits through the v1 -> v2 migration.
import { createHash } from 'node:crypto';
import { parseType } from '@sparsepixels/core';
import { createInterpreter } from '../interpret/create-interpreter';
import { randomModelV1 } from '../testing/random-model';
import { randomSparseEvents } from '../testing/random-events';

/** Seeds of the random v1 models of the golden file. */
export const GOLDEN_SEEDS: readonly number[] = Array.from({ length: 40 }, (_, i) => 1000 + i);

/** The random v1 document of a seed. */
export function v1Document(seed: number): Record<string, unknown> {
  return randomModelV1({ seed, variant: seed % 4 === 0 ? 'standard' : 'sparse' }) as unknown as Record<string, unknown>;
}

/** SHA-256 of every output raw (as decimal strings) of `doc` on 24 random events of its input type. */
export function fingerprint(doc: unknown, seed: number): string {
  const interp = createInterpreter(doc as never);
  const [h = 1, w = 1, c = 1] = interp.prepared.model.input.shape;
  const type = parseType(interp.prepared.model.input.type);
  const events = randomSparseEvents({ h, w, c, count: 24, active: [0, Math.max(1, (h * w) >> 1)], seed, type });
  const r = interp.run(events, 24);
  const hash = createHash('sha256');
  for (const raw of r.raw) hash.update(Array.from(raw as ArrayLike<number | bigint>, String).join(','));
  hash.update(Array.from(r.overflowCount).join(','));
  return hash.digest('hex');
}
