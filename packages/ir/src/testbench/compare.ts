import { fracBits } from '@sparsepixels/core';
import type { PreparedModel } from '../prepared-model';
import { exactDecimalToRaw, rawToExactDecimal } from './exact-decimal';
import type { OutputSpec, TraceLine } from './parse-results';
import type { LayerTrace } from './reference';

/** One output value where the C simulation and the interpreter differ. */
export interface Mismatch {
  readonly event: number;
  readonly output: string;
  readonly index: number;
  /** Exact decimals: interpreter and C simulation. */
  readonly expected: string;
  readonly actual: string;
}

/** The first layer (in model order) whose traced output differs, for one event. */
export interface Divergence {
  readonly event: number;
  readonly layer: string;
  /** "out" (values), "hash" (slot coordinates) or "valid" (validity bits). */
  readonly kind: string;
  readonly index: number;
  readonly expected: string;
  readonly actual: string;
}

/**
 * What a backend's simulation check returns (hls-vivado's g++ C simulation, rtl's Verilator
 * simulation): every output bit compared with the interpreter on the same events.
 */
export interface CsimReport {
  readonly projectDir: string;
  readonly events: number;
  readonly outputs: readonly OutputSpec[];
  /** True when every output bit of every event equals the interpreter's. */
  readonly bitExact: boolean;
  readonly mismatchCount: number;
  /** Values that differ per output, aligned with `outputs` (they sum to mismatchCount); backends that compare in batches report it. */
  readonly outputMismatches?: readonly number[];
  /** The first mismatches (at most 100), in event order. */
  readonly mismatches: readonly Mismatch[];
  /** For the first traced mismatching events: the first layer whose output differs. */
  readonly divergences: readonly Divergence[];
  readonly compileMs: number;
  readonly runMs: number;
  readonly interpretMs: number;
}

/** At most this many mismatches are listed (all are counted). */
export const MAX_LISTED = 100;

/** Mismatch counts of a comparison: in total, per output, and the first ones listed. */
export interface Comparison {
  count: number;
  /** Aligned with the outputs: values that differ per output. */
  readonly perOutput: number[];
  readonly mismatches: Mismatch[];
}

export function emptyComparison(outputs: number): Comparison {
  return { count: 0, perOutput: new Array<number>(outputs).fill(0), mismatches: [] };
}

/**
 * Compares raws [event][output][k] of one batch (its first event is `eventOffset` overall) and
 * adds to `into`: every difference is counted (per output too), the first MAX_LISTED are listed.
 */
export function compareOutputs(
  expected: readonly (readonly (readonly bigint[])[])[],
  actual: readonly (readonly (readonly bigint[])[])[],
  outputs: readonly OutputSpec[],
  into: Comparison = emptyComparison(outputs.length),
  eventOffset = 0,
): Comparison {
  expected.forEach((event, e) => {
    event.forEach((values, o) => {
      const spec = outputs[o]!;
      values.forEach((want, k) => {
        const got = actual[e]?.[o]?.[k];
        if (got === want) return;
        into.count++;
        into.perOutput[o] = (into.perOutput[o] ?? 0) + 1;
        if (into.mismatches.length < MAX_LISTED) {
          const frac = fracBits(spec.type);
          into.mismatches.push({
            event: eventOffset + e,
            output: spec.name,
            index: k,
            expected: rawToExactDecimal(want, frac),
            actual: got === undefined ? '(missing)' : rawToExactDecimal(got, frac),
          });
        }
      });
    });
  });
  return into;
}

/** Walks the layers in order and returns the first traced array that differs. */
export function firstDivergence(
  prepared: PreparedModel,
  ref: ReadonlyMap<string, LayerTrace> | undefined,
  cpp: readonly TraceLine[],
): Omit<Divergence, 'event'> | undefined {
  if (!ref) return undefined;
  for (const { layer, precision } of prepared.layers) {
    const want = ref.get(layer.name);
    if (!want) continue;
    const frac = fracBits(precision.result);
    const arrays: [string, readonly bigint[] | undefined, number][] = [
      ['out', want.out, frac],
      ['hash', want.hash?.map(BigInt), 0],
      ['valid', want.valid?.map(BigInt), 0],
    ];
    for (const [kind, values, f] of arrays) {
      if (!values) continue;
      const line = cpp.find((t) => t.layer === layer.name && t.kind === kind);
      const got = line?.values ?? [];
      for (let k = 0; k < values.length; k++) {
        const g = got[k];
        const raw = g === undefined ? undefined : exactDecimalToRaw(g, f);
        if (raw !== values[k]) {
          return {
            layer: layer.name,
            kind,
            index: k,
            expected: rawToExactDecimal(values[k]!, f),
            actual: g ?? '(missing)',
          };
        }
      }
    }
  }
  return undefined;
}

/** A readable report: counts, the first mismatches and where the layers diverge. `what` names the simulation. */
export function formatCsimReport(
  r: {
    events: number;
    bitExact: boolean;
    mismatchCount: number;
    mismatches: readonly Mismatch[];
    divergences: readonly Divergence[];
  },
  what = 'C simulation',
): string {
  const short = what === 'C simulation' ? 'csim' : 'sim';
  if (r.bitExact) return `${what} matches the interpreter on all ${r.events} events (every output bit equal)`;
  const lines = [`${what} differs from the interpreter: ${r.mismatchCount} output values over ${r.events} events`];
  for (const m of r.mismatches.slice(0, 10)) {
    lines.push(`  event ${m.event} ${m.output}[${m.index}]: interpreter ${m.expected}, ${short} ${m.actual}`);
  }
  for (const d of r.divergences) {
    lines.push(`  event ${d.event}: first difference at layer "${d.layer}" ${d.kind}[${d.index}]: interpreter ${d.expected}, ${short} ${d.actual}`);
  }
  return lines.join('\n');
}
