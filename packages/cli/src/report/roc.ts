/**
 * ROC curves of classifier scores: one sigmoid output (binary), or one-vs-rest pooled over every
 * class of a softmax (micro average). Ties of equal scores move along a diagonal, as usual.
 */
export interface Roc {
  readonly fpr: number[];
  readonly tpr: number[];
  readonly auc: number;
}

/** `scores`: count * units values; `labels`: class per event (0/1 when units = 1). */
export function rocCurve(scores: ArrayLike<number>, labels: ArrayLike<number>, units: number): Roc {
  const s: number[] = [];
  const t: boolean[] = [];
  for (let e = 0; e < labels.length; e++) {
    if (units === 1) {
      s.push(scores[e]!);
      t.push(labels[e] === 1);
    } else {
      for (let k = 0; k < units; k++) {
        s.push(scores[e * units + k]!);
        t.push(labels[e] === k);
      }
    }
  }
  const order = s.map((_, i) => i).sort((a, b) => s[b]! - s[a]!);
  const pos = t.filter(Boolean).length;
  const neg = t.length - pos;
  const fpr = [0];
  const tpr = [0];
  let tp = 0;
  let fp = 0;
  let auc = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && s[order[j]!] === s[order[i]!]) {
      if (t[order[j]!]) tp++;
      else fp++;
      j++;
    }
    const x = neg ? fp / neg : 0;
    const y = pos ? tp / pos : 0;
    auc += (x - fpr[fpr.length - 1]!) * (y + tpr[tpr.length - 1]!) * 0.5;
    fpr.push(x);
    tpr.push(y);
    i = j;
  }
  return { fpr, tpr, auc };
}

/** At most `max` points of a curve (every k-th, keeping the ends), for a light SVG. */
export function thin(r: Roc, max = 400): Roc {
  if (r.fpr.length <= max) return r;
  const step = Math.ceil(r.fpr.length / max);
  const keep = r.fpr.map((_, i) => i).filter((i) => i % step === 0 || i === r.fpr.length - 1);
  return { fpr: keep.map((i) => r.fpr[i]!), tpr: keep.map((i) => r.tpr[i]!), auc: r.auc };
}
