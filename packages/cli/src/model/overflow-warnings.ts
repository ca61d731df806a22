import { createProfiler, type PreparedModel, type ProfileReport, type Profiler } from '@sparsepixels/ir';

/**
 * How many events predict, train and convert --tb profile for their overflow warnings: the
 * profile costs about three interpreter runs, so large files are sampled from their start
 * (`sparsepixels profile` checks every event).
 */
export const PROFILE_SAMPLE = 10_000;

/** Feeds the first PROFILE_SAMPLE events of a run to a profiler. */
export class ProfileSample {
  private readonly profiler: Profiler;
  private seen = 0;

  constructor(
    prepared: PreparedModel,
    private readonly limit = PROFILE_SAMPLE,
  ) {
    this.profiler = createProfiler(prepared);
  }

  add(x: ArrayLike<number>, n: number): void {
    if (this.seen >= this.limit) return;
    const take = Math.min(n, this.limit - this.seen);
    const size = this.profiler.inputSize;
    const part = take === n ? x : (x as Float64Array).subarray(0, take * size);
    this.profiler.add(part, take);
    this.seen += take;
  }

  report(): ProfileReport {
    return this.profiler.report();
  }
}

/**
 * Warning lines for a profile: one when the inputs or any layer saturated or wrapped on the data
 * (`what` names the data, e.g. "'test.npz'"), empty when every value fit its type.
 */
export function overflowWarnings(r: ProfileReport, what: string): string[] {
  if (r.ok || r.events === 0) return [];
  const events = r.events >= PROFILE_SAMPLE ? `the first ${r.events} events` : `${r.events} events`;
  const shown =
    r.problems.slice(0, 3).join('; ') + (r.problems.length > 3 ? `; and ${r.problems.length - 3} more` : '');
  return [
    `values overflow their types on ${events} of ${what}: ${shown}; run 'npx sparsepixels profile' for every layer`,
  ];
}
