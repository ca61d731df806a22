/**
 * `--prune <sparsity>`, `--prune-schedule <schedule>` and `--prune-scope <scope>` of train and
 * prune-sweep, checked before any training starts (packages/cli/README.md#train documents the
 * schedule syntax; @sparsepixels/layers implements it).
 */
import { SparsePixelsError } from '@sparsepixels/core';
import type { PruneOptions, PruneReport } from '@sparsepixels/layers';
import { InvalidArgumentError, type Command } from 'commander';

export const SCHEDULE_SYNTAX = 'one-shot[:epoch] or polynomial[:begin,end[,frequency]]';

/** A sparsity in [0, 1): '0.7', '0', '.5'. */
export function parseSparsity(text: string, option: string): number {
  const v = /^\s*(0(\.\d*)?|\.\d+)\s*$/.test(text) ? Number(text) : NaN;
  if (!(v >= 0 && v < 1))
    throw new SparsePixelsError(
      'SP_CLI_USAGE',
      `${option} ${text} is not allowed; use a fraction in [0, 1) such as 0.7`,
    );
  return v;
}

/** A commander parser for `--prune <sparsity>`. */
export function sparsityArg(value: string): number {
  try {
    return parseSparsity(value, '--prune');
  } catch {
    throw new InvalidArgumentError('Use a fraction in [0, 1) such as 0.7.');
  }
}

export function addScheduleOptions(cmd: Command): Command {
  return cmd
    .option(
      '--prune-schedule <schedule>',
      `when to prune: ${SCHEDULE_SYNTAX}, epochs 1-based (default one-shot)`,
    )
    .option(
      '--prune-scope <scope>',
      'global (one magnitude threshold over all weights, default) or layer (one per layer)',
    );
}

/** The pruning options for `epochs` epochs; the schedule is resolved now so a bad one fails before training. */
export async function pruneOptions(
  sparsity: number,
  opts: Readonly<Record<string, unknown>>,
  epochs: number,
): Promise<PruneOptions> {
  const layers = await import('@sparsepixels/layers');
  const text = String(opts.pruneSchedule ?? 'one-shot');
  const scope = String(opts.pruneScope ?? 'global');
  if (scope !== 'global' && scope !== 'layer')
    throw new SparsePixelsError(
      'SP_CLI_USAGE',
      `--prune-scope '${scope}' is not allowed; use global or layer`,
    );
  try {
    const schedule = layers.parsePruneSchedule(text);
    layers.resolveSchedule(schedule, epochs);
    return { sparsity, schedule, scope };
  } catch (e) {
    if (!(e instanceof SparsePixelsError)) throw e;
    throw new SparsePixelsError(
      'SP_CLI_USAGE',
      `--prune-schedule ${text}: ${e.message.replace(/^prune schedule: /, '')} (with --epochs ${epochs})`,
    );
  }
}

/** `--prune-schedule` / `--prune-scope` without `--prune` would be silently ignored: refuse them. */
export function checkPruneFlags(opts: Readonly<Record<string, unknown>>): void {
  if (opts.prune !== undefined) return;
  for (const [key, flag] of [
    ['pruneSchedule', '--prune-schedule'],
    ['pruneScope', '--prune-scope'],
  ] as const) {
    if (opts[key] !== undefined)
      throw new SparsePixelsError('SP_CLI_USAGE', `${flag} needs --prune <sparsity>`);
  }
}

/** `pruned 70.0 % of 1234 weights (global threshold): 864 masked, 870 zero in the firmware`. */
export function pruneLine(r: PruneReport): string {
  const pct = (100 * r.masked) / r.count;
  return `pruned ${pct.toFixed(1)} % of ${r.count} weights (${r.scope === 'global' ? 'one global' : 'per-layer'} magnitude threshold on the quantized weights): ${r.masked} masked, ${r.zeros} zero in the firmware`;
}
