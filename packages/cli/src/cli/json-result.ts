import type { CommandResult } from '../commands/command';
import type { ExitCode } from './exit-codes';

/** What one run collects for its --json document. */
export interface RunState {
  code: ExitCode;
  /** performance.now() when the run started. */
  readonly started: number;
  command?: string;
  json: boolean;
  /** Every `sparsepixels: warning:` line of the run, in order. */
  readonly warnings: string[];
  result?: CommandResult;
}

const SHARED = new Set(['command', 'exitCode', 'ok', 'seconds', 'warnings', 'error']);

/**
 * The one --json document of a run: the shared fields first, with one meaning for every command
 * (documented in packages/cli/README.md, "--json"), then the command's own fields. An error run
 * has `error` and the shared fields only.
 */
export function jsonEnvelope(
  state: RunState,
  error?: { readonly code: string; readonly message: string; readonly where: string | null },
): Record<string, unknown> {
  const { input = null, out = null, events = null, timings = {}, ...own } = error ? {} : (state.result ?? {});
  // the shared fields keep their meaning: a command's own field of the same name is dropped
  const rest = Object.fromEntries(Object.entries(own).filter(([k]) => !SHARED.has(k)));
  return {
    command: state.command ?? null,
    exitCode: state.code,
    ok: state.code === 0,
    seconds: Math.round(performance.now() - state.started) / 1000,
    input,
    out,
    events,
    timings,
    warnings: state.warnings,
    ...(error ? { error } : rest),
  };
}
