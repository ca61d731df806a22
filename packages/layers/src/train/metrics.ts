/** Classification metrics on plain arrays (model outputs per event, integer labels). */

/** Predicted class per event: units = 1 -> score >= 0.5 (sigmoid), else the first largest unit. */
export function predictedClasses(scores: ArrayLike<number>, units: number): Int32Array {
  const n = scores.length / units;
  const out = new Int32Array(n);
  for (let e = 0; e < n; e++) {
    if (units === 1) {
      out[e] = scores[e]! >= 0.5 ? 1 : 0;
      continue;
    }
    let best = 0;
    for (let u = 1; u < units; u++) if (scores[e * units + u]! > scores[e * units + best]!) best = u;
    out[e] = best;
  }
  return out;
}

export function accuracy(scores: ArrayLike<number>, labels: ArrayLike<number>, units: number): number {
  const pred = predictedClasses(scores, units);
  let ok = 0;
  for (let e = 0; e < pred.length; e++) if (pred[e] === labels[e]) ok++;
  return pred.length ? ok / pred.length : NaN;
}

/**
 * Area under the ROC curve of scores for the positive labels (label 1): the probability that a
 * random positive scores above a random negative, ties counting one half (Mann-Whitney U).
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const idx = Array.from({ length: labels.length }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j < idx.length && scores[idx[j]!] === scores[idx[i]!]) j++;
    const midRank = (i + 1 + j) / 2; // average 1-based rank of the tie group
    for (let k = i; k < j; k++) {
      if (labels[idx[k]!] === 1) {
        pos++;
        rankSum += midRank;
      }
    }
    i = j;
  }
  const neg = labels.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}
