import type { Command } from 'commander';
import type { DataKeys } from '../io/h5-data';

/** `--x-key` / `--y-key`: which datasets of an .h5 data file (or arrays of an .npz) hold events and labels. */
export function addDataKeyOptions(cmd: Command): Command {
  return cmd
    .option('--x-key <name>', "dataset of the events in an .h5 (or array in an .npz); default 'x'")
    .option('--y-key <name>', "dataset of the labels in an .h5; default 'y' when present");
}

export function dataKeys(opts: Readonly<Record<string, unknown>>): DataKeys {
  return {
    ...(typeof opts.xKey === 'string' ? { x: opts.xKey } : {}),
    ...(typeof opts.yKey === 'string' ? { y: opts.yKey } : {}),
  };
}

/** The events file of predict/csim: `--input` or its synonym `--data` (one of them). */
export function eventsPath(opts: Readonly<Record<string, unknown>>): string | undefined {
  const a = opts.input;
  const b = opts.data;
  if (typeof a === 'string' && typeof b === 'string') return undefined;
  return typeof a === 'string' ? a : typeof b === 'string' ? b : undefined;
}
