/**
 * A Pruner owns the masks of a model's prunable weights (prune-targets.ts): it sets them by
 * magnitude on the quantized weights (magnitude-masks.ts), when the schedule says
 * (prune-schedule.ts), writes pruned weights as exact zeros, and masks gradients. A float weight of
 * exactly 0 quantizes to raw 0 under every quantization and overflow mode, so a pruned weight is
 * exactly zero in the forward pass and in exportIR.
 */
import * as tf from '@tensorflow/tfjs';
import { magnitudeMasks, type PruneScope } from './magnitude-masks';
import {
  checkSparsity,
  finalMaskEpoch,
  resolveSchedule,
  sparsityAt,
  updateEpochs,
  type PruneSchedule,
  type ResolvedSchedule,
} from './prune-schedule';
import { pruneTargets, type PruneTarget, type TargetOptions } from './prune-targets';

export interface PruneOptions extends TargetOptions {
  /** Final fraction of the prunable weights that are removed, in [0, 1). */
  readonly sparsity: number;
  /** Default one-shot (at the start of epoch floor(E/2) + 1). */
  readonly schedule?: PruneSchedule;
  /** One magnitude threshold over all prunable weights (default) or one per weight tensor. */
  readonly scope?: PruneScope;
}

export interface PruneTensorReport {
  readonly layer: string;
  readonly weight: 'kernel' | 'bias';
  readonly count: number;
  /** Entries the mask removes. */
  readonly masked: number;
  /** Entries whose quantized value is zero (masked ones and any that quantize to 0). */
  readonly zeros: number;
}

export interface PruneReport {
  readonly target: number;
  readonly scope: PruneScope;
  /** Sparsity the masks hold now (the schedule's current value). */
  readonly current: number;
  readonly tensors: readonly PruneTensorReport[];
  readonly count: number;
  readonly masked: number;
  readonly zeros: number;
}

interface MaskState {
  readonly target: PruneTarget;
  mask: Uint8Array;
  tensor: tf.Tensor | undefined;
}

export class Pruner {
  readonly target: number;
  readonly scope: PruneScope;
  readonly schedule: ResolvedSchedule | undefined;
  private readonly states: MaskState[];
  private readonly byVariable = new Map<string, MaskState>();
  private current = 0;

  /** `epochs` given: masks follow the schedule over that many epochs; else call prune() yourself. */
  constructor(model: tf.LayersModel, o: PruneOptions, epochs?: number) {
    this.target = checkSparsity(o.sparsity);
    this.scope = o.scope ?? 'global';
    this.schedule =
      epochs === undefined ? undefined : resolveSchedule(o.schedule ?? { kind: 'one-shot' }, epochs);
    this.states = pruneTargets(model, o).map((target) => ({
      target,
      mask: new Uint8Array(target.variable.read().size).fill(1),
      tensor: undefined,
    }));
    // gradients are keyed by the tf.Variable's name, which is the LayerVariable's unique name
    for (const s of this.states) this.byVariable.set(s.target.variable.name, s);
  }

  /** Sets the masks to `sparsity` (never reviving a pruned weight) and zeroes the pruned weights. */
  prune(sparsity: number): void {
    const ranked = this.states.map((s) => {
      const w = s.target.variable.read().dataSync();
      const q = s.target.quantizer;
      return {
        magnitude: Float64Array.from(w, (v) => Math.abs(q ? q.quantize(v) : v)),
        tieBreak: Float64Array.from(w, (v) => Math.abs(v)),
        mask: s.mask,
      };
    });
    const masks = magnitudeMasks(ranked, sparsity, this.scope);
    this.states.forEach((s, i) => {
      s.mask = masks[i]!;
      s.tensor?.dispose();
      s.tensor = s.mask.includes(0)
        ? tf.tensor(Float32Array.from(s.mask), s.target.variable.read().shape)
        : undefined;
    });
    this.current = Math.max(this.current, sparsity);
    this.applyMasks();
  }

  /** Called by fit at the start of each epoch; returns true when the masks changed. */
  beginEpoch(epoch: number): boolean {
    if (!this.schedule || !updateEpochs(this.schedule).includes(epoch)) return false;
    const s = sparsityAt(this.schedule, this.target, epoch);
    if (s <= this.current) return false;
    this.prune(s);
    return true;
  }

  /** Whether the masks are final during `epoch` (no later update). */
  isFinal(epoch: number): boolean {
    return !this.schedule || epoch >= finalMaskEpoch(this.schedule);
  }

  /** Writes exact zeros at every pruned entry. */
  applyMasks(): void {
    for (const s of this.states) {
      if (!s.tensor) continue;
      const v = s.target.variable;
      tf.tidy(() => {
        v.write(tf.add(tf.mul(v.read(), s.tensor!), 0)); // + 0 turns -0 into +0
      });
    }
  }

  /** The gradient with pruned entries zeroed (the same tensor when the variable has none). */
  maskGradient(variableName: string, grad: tf.Tensor): tf.Tensor {
    const t = this.byVariable.get(variableName)?.tensor;
    return t ? tf.mul(grad, t) : grad;
  }

  /** Masks (1 keep, 0 pruned) by `layer/weight` name. */
  masks(): Map<string, Uint8Array> {
    return new Map(this.states.map((s) => [`${s.target.layer}/${s.target.weight}`, s.mask.slice()]));
  }

  report(): PruneReport {
    const tensors = this.states.map((s): PruneTensorReport => {
      const w = s.target.variable.read().dataSync();
      const q = s.target.quantizer;
      let zeros = 0;
      for (let i = 0; i < w.length; i++) if ((q ? q.quantize(w[i]!) : w[i]!) === 0) zeros++;
      const masked = s.mask.reduce((a, m) => a + (m === 0 ? 1 : 0), 0);
      return { layer: s.target.layer, weight: s.target.weight, count: s.mask.length, masked, zeros };
    });
    const sum = (k: 'count' | 'masked' | 'zeros') => tensors.reduce((a, t) => a + t[k], 0);
    return {
      target: this.target,
      scope: this.scope,
      current: this.current,
      tensors,
      count: sum('count'),
      masked: sum('masked'),
      zeros: sum('zeros'),
    };
  }

  dispose(): void {
    for (const s of this.states) s.tensor?.dispose();
  }
}

/**
 * One-shot pruning of a trained model, now: masks by magnitude on the quantized weights, pruned
 * weights set to exactly zero. Returns the Pruner, whose fixed masks `fit(model, data, { prune })`
 * keeps during fine-tuning.
 */
export function pruneModel(model: tf.LayersModel, o: Omit<PruneOptions, 'schedule'>): Pruner {
  const p = new Pruner(model, o);
  p.prune(o.sparsity);
  return p;
}
