import type { FixedType } from '../fixed';

/** The types of an activation layer. */
export interface ActivationTypes {
  readonly input: FixedType;
  readonly result: FixedType;
}

/** What an IR layer can say about a table-based activation (all optional; defaults documented per activation). */
export interface ActivationFixedOptions extends ActivationTypes {
  /** Table entry type (sigmoid table; softmax exp and reciprocal tables). */
  readonly table?: FixedType;
  /** softmax: the type the exponentials are summed in. */
  readonly accum?: FixedType;
  /** Entries per table, a power of two. */
  readonly tableSize?: number;
  /** softmax: the row length (number of classes) the tables are built for. */
  readonly rowLength?: number;
  readonly name?: string;
}

/** A row-wise activation on raws: maps x[start .. start+len) to out[start .. start+len). */
export interface FixedActivation {
  run(x: ArrayLike<number>, out: Float64Array, start: number, len: number): void;
  runBig(x: ArrayLike<bigint>, out: bigint[], start: number, len: number): void;
}

/**
 * One activation of the registry (activation-registry.ts). Element-wise activations ignore the
 * row structure; softmax normalises over each row (a dense vector, or one sparse slot's channels).
 */
export interface ActivationKernel {
  readonly name: string;
  float(x: ArrayLike<number>, out: Float64Array, start: number, len: number): void;
  prepareFixed(options: ActivationFixedOptions): FixedActivation;
}
