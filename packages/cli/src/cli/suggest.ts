/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * `; did you mean 'x'?` naming the closest candidates (case-insensitive, within a distance of
 * about 40 % of the word, or a prefix), or '' when nothing is close. Appended to one-line messages.
 */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const lower = input.toLowerCase();
  const scored = candidates
    .map((c) => ({
      c,
      d: c.toLowerCase().startsWith(lower) && lower.length >= 2 ? 0.5 : editDistance(lower, c.toLowerCase()),
    }))
    .filter(({ c, d }) => d <= Math.max(1, Math.floor(Math.max(input.length, c.length) * 0.4)))
    .sort((x, y) => x.d - y.d);
  if (scored.length === 0) return '';
  const best = scored.filter((s) => s.d === scored[0]!.d).map((s) => `'${s.c}'`);
  return `; did you mean ${best.length > 1 ? `${best.slice(0, -1).join(', ')} or ${best.at(-1)}` : best[0]}?`;
}
