/**
 * The valid names closest to `input`, best first: names within an edit distance of about 40 % of
 * the input's length (at least 1), compared case-insensitively and ignoring `_`/`-`, so
 * `kernel_size` finds `kernelSize` and `SparseConv2d` finds `SparseConv2D`. An input of two or more
 * characters that starts a name also suggests it (`dig` finds `digits`).
 */
export function suggestionList(input: string, options: readonly string[]): string[] {
  const key = normalize(input);
  const threshold = Math.max(1, Math.floor(key.length * 0.4));
  const scored: { name: string; d: number }[] = [];
  for (const name of options) {
    const other = normalize(name);
    const prefix = key.length >= 2 && other.startsWith(key) ? 0.5 : Infinity;
    const d =
      name === input ? 0 : Math.min(editDistance(key, other) + 0.5, editDistance(input, name), prefix);
    if (d <= threshold + 0.5) scored.push({ name, d });
  }
  scored.sort((a, b) => a.d - b.d || a.name.localeCompare(b.name));
  return scored.map((s) => s.name);
}

function normalize(s: string): string {
  return s.toLowerCase().replace(/[_-]/g, '');
}

/** Levenshtein distance with adjacent transpositions counted as one edit. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}
