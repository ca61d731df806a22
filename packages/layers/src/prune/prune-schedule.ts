/**
 * When masks change during training and to what sparsity (packages/layers/README.md#pruning).
 *
 * Epochs are 1-based. Masks are recomputed at the *start* of an update epoch, before its first
 * optimizer step, and kept fixed in between and after the last update.
 *
 * - one-shot: one update, at the start of `epoch` (default: the epoch after the first half,
 *   floor(E/2) + 1), straight to the target.
 * - polynomial: the decay of TensorFlow Model Optimization's `PolynomialDecay`, over epochs instead
 *   of steps: s(e) = final + (initial - final) * (1 - p)^power, p = clamp((e - begin) / (end - begin), 0, 1)
 *   (p = 1 when begin = end). Updates at begin, begin + frequency, ... up to end, and always at end
 *   (TF MOT updates only when (step - begin) is a multiple of the frequency, so an end that is not on
 *   that grid never reaches the final sparsity; here it always does).
 */
import { SparsePixelsError } from '@sparsepixels/core';

export interface OneShotSchedule {
  readonly kind: 'one-shot';
  /** Epoch at whose start the masks are set (1-based). */
  readonly epoch?: number;
}

export interface PolynomialSchedule {
  readonly kind: 'polynomial';
  readonly beginEpoch?: number;
  readonly endEpoch?: number;
  /** Epochs between mask updates (default 1). */
  readonly frequency?: number;
  /** Exponent of the decay (default 3, as TF MOT). */
  readonly power?: number;
  /** Sparsity at the begin epoch (default 0). */
  readonly initialSparsity?: number;
}

export type PruneSchedule = OneShotSchedule | PolynomialSchedule;

/** A schedule with every default filled in for a run of `epochs` epochs. */
export type ResolvedSchedule =
  | { readonly kind: 'one-shot'; readonly epoch: number }
  | {
      readonly kind: 'polynomial';
      readonly beginEpoch: number;
      readonly endEpoch: number;
      readonly frequency: number;
      readonly power: number;
      readonly initialSparsity: number;
    };

function fail(message: string): never {
  throw new SparsePixelsError('SP_PRUNE', message, 'prune schedule');
}

function intIn(v: number, lo: number, hi: number, what: string): number {
  if (!Number.isInteger(v) || v < lo || v > hi)
    fail(`${what} ${v} is not allowed; expected an integer ${lo}..${hi}`);
  return v;
}

/** Checks a target sparsity: 0 <= s < 1 (1 would remove every weight). */
export function checkSparsity(s: number, what = 'sparsity'): number {
  if (typeof s !== 'number' || !Number.isFinite(s) || s < 0 || s >= 1) {
    throw new SparsePixelsError(
      'SP_PRUNE',
      `${what} ${String(s)} is not allowed; expected a number in [0, 1)`,
    );
  }
  return s;
}

/** Fills the defaults and checks the schedule fits `epochs` (the target must be reached). */
export function resolveSchedule(s: PruneSchedule, epochs: number): ResolvedSchedule {
  intIn(epochs, 1, Number.MAX_SAFE_INTEGER, 'epochs');
  if (s.kind === 'one-shot') {
    return {
      kind: 'one-shot',
      epoch: intIn(s.epoch ?? Math.floor(epochs / 2) + 1, 1, epochs, 'one-shot epoch'),
    };
  }
  if (s.kind !== 'polynomial')
    fail(`kind "${String((s as { kind: unknown }).kind)}" is unknown; allowed one-shot, polynomial`);
  const beginEpoch = intIn(s.beginEpoch ?? 1, 1, epochs, 'begin epoch');
  const endEpoch = intIn(
    s.endEpoch ?? Math.max(beginEpoch, Math.ceil(epochs / 2)),
    beginEpoch,
    epochs,
    'end epoch',
  );
  const frequency = intIn(s.frequency ?? 1, 1, epochs, 'frequency');
  const power = s.power ?? 3;
  if (!Number.isFinite(power) || power <= 0) fail(`power ${power} is not allowed; expected a number > 0`);
  const initialSparsity = checkSparsity(s.initialSparsity ?? 0, 'initial sparsity');
  return { kind: 'polynomial', beginEpoch, endEpoch, frequency, power, initialSparsity };
}

/** The epochs at whose start the masks are recomputed, ascending. */
export function updateEpochs(s: ResolvedSchedule): number[] {
  if (s.kind === 'one-shot') return [s.epoch];
  const out: number[] = [];
  for (let e = s.beginEpoch; e <= s.endEpoch; e += s.frequency) out.push(e);
  if (out[out.length - 1] !== s.endEpoch) out.push(s.endEpoch);
  return out;
}

/** The sparsity the schedule asks for at `epoch`, for a final sparsity `target` (before `begin`: 0). */
export function sparsityAt(s: ResolvedSchedule, target: number, epoch: number): number {
  if (s.kind === 'one-shot') return epoch >= s.epoch ? target : 0;
  if (epoch < s.beginEpoch) return 0;
  const span = s.endEpoch - s.beginEpoch;
  const p = span === 0 ? 1 : Math.min(1, Math.max(0, (epoch - s.beginEpoch) / span));
  return target + (s.initialSparsity - target) * (1 - p) ** s.power;
}

/** The epoch from which the masks are final (the last update epoch). */
export function finalMaskEpoch(s: ResolvedSchedule): number {
  const u = updateEpochs(s);
  return u[u.length - 1]!;
}

/**
 * The CLI spelling: `one-shot`, `one-shot:<epoch>`, `polynomial`, `polynomial:<begin>,<end>` or
 * `polynomial:<begin>,<end>,<frequency>` (omitted parts take the defaults above).
 */
export function parsePruneSchedule(text: string): PruneSchedule {
  const [kind, args = undefined, ...rest] = text.trim().split(':');
  const nums = (args ?? '').split(',').filter((a) => a.trim() !== '');
  const bad = () =>
    fail(
      `"${text}" is not a schedule; use one-shot[:epoch] or polynomial[:begin,end[,frequency]] (epochs are 1-based integers)`,
    );
  if (rest.length || (args !== undefined && !nums.length)) bad();
  const values = nums.map((a) => (/^\s*\d+\s*$/.test(a) ? Number(a) : bad()));
  if (kind === 'one-shot') {
    if (values.length > 1) bad();
    return values.length ? { kind, epoch: values[0]! } : { kind };
  }
  if (kind === 'polynomial') {
    if (values.length === 1 || values.length > 3) bad();
    const [beginEpoch, endEpoch, frequency] = values;
    return {
      kind,
      ...(beginEpoch === undefined ? {} : { beginEpoch, endEpoch: endEpoch! }),
      ...(frequency === undefined ? {} : { frequency }),
    };
  }
  return bad();
}
