/**
 * MACs per event as the interpreter counts them (its `macs` option, docs/weight-store.md#mac-counts):
 * per MAC layer the worst case and the means over the events of the terms with a non-zero input and
 * with a non-zero input and weight. Shown by `inspect` and `report` (text and --json).
 */
import { createInterpreter, type PreparedModel } from '@sparsepixels/ir';
import type { Command } from 'commander';
import { dataKeys } from '../cli/data-options';
import { integerArg } from '../cli/options';
import type { CommandContext } from '../commands/command';
import { formatColumns } from './layer-table';
import { randomEvents } from './random-events';
import { readFirstEvents } from './read-events';

export interface MacCountsPerEvent {
  readonly dense: number;
  readonly inputSparse: number;
  readonly inputAndWeightSparse: number;
}

export interface EventMacs {
  readonly events: number;
  /** Where the events came from: `generated (seed S)` or the file as given. */
  readonly source: string;
  readonly layers: readonly ({ readonly name: string; readonly op: string } & MacCountsPerEvent)[];
  readonly total: MacCountsPerEvent;
}

export const DEFAULT_MAC_EVENTS = 200;

/** `--events` and `--seed`: how many events the MAC counts average over. */
export function addMacEventOptions(cmd: Command): Command {
  return cmd
    .option(
      '-n, --events <n>',
      `events the MAC counts average over (generated ones, or the first n of the events file)`,
      integerArg(1, 1000000),
      DEFAULT_MAC_EVENTS,
    )
    .option('--seed <seed>', 'seed of generated events', integerArg(0), 1);
}

/** The events to count on: the first `--events` of `file`, or that many generated ones. */
export function macEvents(
  prepared: PreparedModel,
  opts: Readonly<Record<string, unknown>>,
  ctx: CommandContext,
  file: string | undefined,
): { x: Float64Array; count: number; source: string } {
  const count = (opts.events as number | undefined) ?? DEFAULT_MAC_EVENTS;
  if (file === undefined) {
    const seed = (opts.seed as number | undefined) ?? 1;
    return { x: randomEvents(prepared, count, seed), count, source: `generated (seed ${seed})` };
  }
  const ev = readFirstEvents(ctx.resolvePath(file), prepared.input.tensor.shape, dataKeys(opts), count);
  return { x: ev.x, count: ev.count, source: file };
}

export function countEventMacs(
  prepared: PreparedModel,
  x: ArrayLike<number>,
  count: number,
  source: string,
): EventMacs {
  const macs = createInterpreter(prepared, { macs: true }).run(x, count).macs ?? {};
  const mean = (a: Float64Array) => (count ? a.reduce((s, v) => s + v, 0) / count : 0);
  const layers = Object.entries(macs).map(([name, m]) => ({
    name,
    op: prepared.layer(name)?.layer.op ?? '',
    dense: m.dense,
    inputSparse: mean(m.inputSparse),
    inputAndWeightSparse: mean(m.inputAndWeightSparse),
  }));
  const sum = (f: (l: MacCountsPerEvent) => number) => layers.reduce((s, l) => s + f(l), 0);
  return {
    events: count,
    source,
    layers,
    total: {
      dense: sum((l) => l.dense),
      inputSparse: sum((l) => l.inputSparse),
      inputAndWeightSparse: sum((l) => l.inputAndWeightSparse),
    },
  };
}

const fmt = (v: number) =>
  Number.isInteger(v) ? v.toLocaleString('en-US') : v.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** The counts as text: one line per MAC layer and the total. */
export function eventMacLines(m: EventMacs): string[] {
  const head = `MACs per event (mean of ${m.events} events, ${m.source}): worst case, with non-zero inputs, with non-zero inputs and weights`;
  if (m.layers.length === 0) return [head, '  (no Dense, Conv2D or SparseConv2D layer)'];
  const rows = [
    ['layer', 'op', 'dense', 'input-sparse', 'input+weight-sparse'],
    ...m.layers.map((l) => [l.name, l.op, fmt(l.dense), fmt(l.inputSparse), fmt(l.inputAndWeightSparse)]),
    ['total', '', fmt(m.total.dense), fmt(m.total.inputSparse), fmt(m.total.inputAndWeightSparse)],
  ];
  return [head, ...formatColumns(rows)];
}
