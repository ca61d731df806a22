import type { Diagnostic } from '../diagnostics';
import type { ModelIR } from '../model';

export interface PassContext {
  /** Collects a problem; passes keep going so that one run reports everything. */
  report(d: Diagnostic): void;
  /** True once an error has been reported (by this or an earlier pass). */
  hasErrors(): boolean;
}

/**
 * A model transformation or check (STYLE "pass contract"): pure, never mutates `model` (tests
 * deep-freeze it), returns the same object when it changes nothing. Per-op knowledge comes from
 * the op registry, never from the pass.
 */
export interface Pass {
  readonly name: string;
  readonly description: string;
  run(model: ModelIR, ctx: PassContext): ModelIR;
}
