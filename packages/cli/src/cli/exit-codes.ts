/** Process exit codes of the sparsepixels command. */
export const EXIT_OK = 0;
/** A check the command ran did not pass (e.g. C simulation bits differ from the interpreter). */
export const EXIT_CHECK_FAILED = 1;
/** Bad usage or bad input: unknown command or flag, missing or malformed file, wrong shape. */
export const EXIT_USAGE = 2;
/** An internal error (a bug): an unexpected exception, reported in one line with a hint to report it. */
export const EXIT_INTERNAL = 3;

export type ExitCode = typeof EXIT_OK | typeof EXIT_CHECK_FAILED | typeof EXIT_USAGE | typeof EXIT_INTERNAL;
