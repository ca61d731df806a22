/** Active-pixel statistics of a batch of images (active = channel-0 value > threshold). */
export interface OccupancyStats {
  readonly events: number;
  readonly pixelsPerEvent: number;
  readonly threshold: number;
  readonly mean: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Mean active pixels as a fraction of all pixels. */
  readonly meanFraction: number;
  /** For each N in `limits`: the fraction of events with more than N active pixels. */
  readonly fractionAbove: Readonly<Record<string, number>>;
}

export const DEFAULT_LIMITS: readonly number[] = [8, 12, 16, 20];

/** Active pixels per event, channel 0 only (the InputReduce rule of the spec). */
export function activeCounts(x: Float32Array, pixels: number, channels: number, threshold = 0): Int32Array {
  const stride = pixels * channels;
  const events = Math.floor(x.length / stride);
  const counts = new Int32Array(events);
  for (let e = 0; e < events; e++) {
    let n = 0;
    const base = e * stride;
    for (let p = 0; p < pixels; p++) if (x[base + p * channels]! > threshold) n++;
    counts[e] = n;
  }
  return counts;
}

/** Summary of `activeCounts`; `limits` are the N_max values to report overflow fractions for. */
export function occupancyStats(
  x: Float32Array,
  shape: readonly [number, number, number, number],
  threshold = 0,
  limits: readonly number[] = DEFAULT_LIMITS,
): OccupancyStats {
  const [, h, w, c] = shape;
  return occupancyFromCounts(activeCounts(x, h * w, c, threshold), h * w, threshold, limits);
}

/** The same summary from per-event active-pixel counts (gathered chunk by chunk for large files). */
export function occupancyFromCounts(
  counts: Int32Array,
  pixels: number,
  threshold = 0,
  limits: readonly number[] = DEFAULT_LIMITS,
): OccupancyStats {
  const events = counts.length;
  const sorted = Int32Array.from(counts).sort();
  let sum = 0;
  for (const n of counts) sum += n;
  const mean = events > 0 ? sum / events : 0;
  const fractionAbove: Record<string, number> = {};
  for (const limit of limits) {
    let over = 0;
    for (const n of counts) if (n > limit) over++;
    fractionAbove[String(limit)] = events > 0 ? over / events : 0;
  }
  return {
    events,
    pixelsPerEvent: pixels,
    threshold,
    mean,
    median: events > 0 ? median(sorted) : 0,
    min: sorted[0] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
    meanFraction: pixels > 0 ? mean / pixels : 0,
    fractionAbove,
  };
}

function median(sorted: Int32Array): number {
  const m = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}
