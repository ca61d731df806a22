import { SparsePixelsError } from '@sparsepixels/core';
import { CommanderError } from 'commander';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, type ExitCode } from './exit-codes';

/** What to print to stderr and which exit code to use for an error that ended a run. */
export interface ErrorReport {
  readonly exitCode: ExitCode;
  /** Lines for stderr (no trailing newline); empty when commander already printed help. */
  readonly lines: readonly string[];
  /** The error for --json: a stable code, the one-line message without its place, and the place. */
  readonly error?: { readonly code: string; readonly message: string; readonly where: string | null };
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
 * else is an internal error (exit 3) with a hint to report it. With `debug`, the stack trace
 * follows the message.
 */
export function reportError(err: unknown, debug: boolean): ErrorReport {
  const stack = debug && err instanceof Error && err.stack ? err.stack.split('\n') : [];
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version')
      return { exitCode: EXIT_OK, lines: [] };
    if (err.code === 'commander.help' && err.exitCode === 0) return { exitCode: EXIT_OK, lines: [] };
    const message =
      err.code === 'commander.help'
        ? "no command given; run 'npx sparsepixels --help' to list the commands"
        : commanderMessage(err.message);
    return {
      exitCode: EXIT_USAGE,
      lines: [PREFIX + message, ...(err.code === 'commander.help' ? [] : stack)],
      error: { code: 'SP_CLI_USAGE', message, where: null },
    };
  }
  if (err instanceof SparsePixelsError) {
    const where = err.where ?? null;
    const bare =
      where !== null && err.message.startsWith(`${where}: `)
        ? err.message.slice(where.length + 2)
        : err.message;
    return {
      exitCode: EXIT_USAGE,
      lines: [PREFIX + oneLine(err.message), ...stack],
      error: { code: err.code, message: oneLine(bare), where },
    };
  }
  const errno = (err as NodeJS.ErrnoException | undefined)?.code;
  if (err instanceof Error && typeof errno === 'string' && /^E[A-Z]+$/.test(errno)) {
    const path = (err as NodeJS.ErrnoException).path ?? null;
    return {
      exitCode: EXIT_USAGE,
      lines: [PREFIX + oneLine(err.message), ...stack],
      error: { code: `SP_${errno}`, message: oneLine(err.message), where: path },
    };
  }
  const message = oneLine(err instanceof Error ? err.message : String(err));
  const hint = debug
    ? ''
    : ' (this is a bug: please report it with the command line; SPARSEPIXELS_DEBUG=1 shows the stack trace)';
  return {
    exitCode: EXIT_INTERNAL,
    lines: [`${PREFIX}internal error: ${message}${hint}`, ...stack],
    error: { code: 'SP_INTERNAL', message, where: null },
  };
}
