import type { Command } from 'commander';
import type { ExitCode } from '../cli/exit-codes';
import type { Progress } from '../cli/progress';

/** What a command can use while it runs; output goes through here so --json and tests work. */
export interface CommandContext {
  /** True when --json was given: only `result` writes to stdout. */
  readonly json: boolean;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** A human-readable line on stdout (nothing with --json). */
  info(line: string): void;
  /** `sparsepixels: warning: <line>` on stderr. */
  warn(line: string): void;
  /**
   * The machine-readable result, printed as JSON on stdout with --json (ignored otherwise). The
   * framework adds the fields every command shares (see JsonResult) and prints it once at the end.
   */
  result(value: CommandResult): void;
  /** A progress bar on stderr; silent without a terminal or with --json. */
  progress(label: string, total: number): Progress;
  /** An absolute path for a user-given path (relative to `cwd`). */
  resolvePath(path: string): string;
  /** True when the user watches a terminal (stdout and stderr are TTYs) and --json is off. */
  readonly interactive: boolean;
  /** Where live displays (progress bars) are drawn: stderr. */
  readonly progressStream: NodeJS.WritableStream & { isTTY?: boolean };
}

/**
 * A command's --json fields. The shared ones keep one meaning across commands (packages/cli
 * README, "--json"); command-specific fields follow them.
 */
export interface CommandResult {
  /** Absolute path of the main thing read (model, project folder, data file), if any. */
  readonly input?: string | null;
  /** Absolute path of what was written (file or folder), if anything. */
  readonly out?: string | null;
  /** Events the command processed (generated, trained on, simulated, predicted, profiled). */
  readonly events?: number | null;
  /** Seconds spent in named phases (compile, run, training, ...). */
  readonly timings?: Readonly<Record<string, number>>;
  readonly [key: string]: unknown;
}

/** What commander parsed: positional arguments in declaration order and options by camelCase name. */
export interface CommandInput {
  readonly args: readonly unknown[];
  readonly opts: Readonly<Record<string, unknown>>;
}

/**
 * One CLI command. Adding a command = one file exporting a CliCommand + one line in
 * `commands/registry.ts`. The framework adds --help (with `examples`), --json (if `json`),
 * error handling and exit codes.
 */
export interface CliCommand {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Longer help text, shown by `sparsepixels <name> --help`. */
  readonly description?: string;
  /** `[command line without 'sparsepixels', what it does]`, shown under "Examples:". */
  readonly examples: readonly (readonly [string, string])[];
  /** Whether the command reports a result that --json can print. */
  readonly json: boolean;
  /** Declares arguments and options on the commander command. */
  configure(cmd: Command): void;
  /** Does the work; returns EXIT_OK, or EXIT_CHECK_FAILED when a check it ran failed. Throws on bad input. */
  run(input: CommandInput, ctx: CommandContext): Promise<ExitCode> | ExitCode;
}
