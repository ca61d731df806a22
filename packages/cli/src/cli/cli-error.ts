import { SparsePixelsError } from '@sparsepixels/core';
import { CommanderError } from 'commander';
import { EXIT_CHECK_FAILED, EXIT_OK, EXIT_USAGE, type ExitCode } from './exit-codes';

/** What to print to stderr and which exit code to use for an error that ended a run. */
export interface ErrorReport {
  readonly exitCode: ExitCode;
  /** Lines for stderr (no trailing newline); empty when commander already printed help. */
  readonly lines: readonly string[];
}

const PREFIX = 'sparsepixels: error: ';

/** Collapses a message to one line. */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

/** commander's "error: unknown command 'x'\n(Did you mean y?)" in the project's one-line style. */
export function commanderMessage(message: string): string {
  const m = /^(?:error: )?([\s\S]*?)\s*\(Did you mean (?:one of )?(.+)\?\)\s*$/.exec(message);
  if (!m) return oneLine(message.replace(/^error: /, ''));
  const names = m[2]!.split(', ').map((n) => `'${n}'`);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0];
  return oneLine(`${m[1]}; did you mean ${list}?`);
}

/**
 * Maps an error to exit code and message. Usage errors (commander) and SparsePixelsError (bad
 * input, named by the thrower) exit 2; file-system errors that escaped a wrapper exit 2; anything
 * else is an internal error (exit 1). With `debug`, the stack trace follows the message.
 */
export function reportError(err: unknown, debug: boolean): ErrorReport {
  const stack = debug && err instanceof Error && err.stack ? err.stack.split('\n') : [];
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version')
      return { exitCode: EXIT_OK, lines: [] };
    if (err.code === 'commander.help' && err.exitCode === 0) return { exitCode: EXIT_OK, lines: [] };
    if (err.code === 'commander.help')
      return {
        exitCode: EXIT_USAGE,
        lines: [`${PREFIX}no command given; run 'sparsepixels --help' to list the commands`],
      };
    return { exitCode: EXIT_USAGE, lines: [PREFIX + commanderMessage(err.message), ...stack] };
  }
  if (err instanceof SparsePixelsError)
    return { exitCode: EXIT_USAGE, lines: [PREFIX + oneLine(err.message), ...stack] };
  const errno = (err as NodeJS.ErrnoException | undefined)?.code;
  if (err instanceof Error && typeof errno === 'string' && /^E[A-Z]+$/.test(errno)) {
    return { exitCode: EXIT_USAGE, lines: [PREFIX + oneLine(err.message), ...stack] };
  }
  const message = err instanceof Error ? err.message : String(err);
  const hint = debug ? '' : ' (set SPARSEPIXELS_DEBUG=1 to see the stack trace)';
  return {
    exitCode: EXIT_CHECK_FAILED,
    lines: [`${PREFIX}internal error: ${oneLine(message)}${hint}`, ...stack],
  };
}
