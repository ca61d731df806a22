import { isAbsolute, resolve } from 'node:path';
import { Command } from 'commander';
import { COMMANDS } from '../commands/registry';
import type { CliCommand, CommandContext, CommandResult } from '../commands/command';
import { VERSION } from '../version';
import { prepareH5Inputs } from '../io/h5-data';
import { reportError } from './cli-error';
import { EXIT_OK, type ExitCode } from './exit-codes';
import { jsonEnvelope, type RunState } from './json-result';
import { startProgress } from './progress';

/** The exit-code lines every --help ends with. */
const EXIT_CODES_HELP =
  'Exit codes: 0 ok, 1 a check failed (e.g. a C-simulation mismatch), 2 bad usage or input, 3 internal error.\n' +
  'With --json, stdout holds one JSON document, also for errors. SPARSEPIXELS_DEBUG=1 shows stack traces.\n';

/** Where the CLI reads and writes; `process` by default, replaceable in tests. */
export interface CliIO {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

function makeContext(io: CliIO, json: boolean, state: RunState): CommandContext {
  const interactive = !json && !!io.stdout.isTTY && !!io.stderr.isTTY;
  return {
    interactive,
    progressStream: io.stderr,
    json,
    cwd: io.cwd,
    env: io.env,
    info: (line) => void (json ? undefined : io.stdout.write(`${line}\n`)),
    warn: (line) => {
      state.warnings.push(line);
      io.stderr.write(`sparsepixels: warning: ${line}\n`);
    },
    result: (value: CommandResult) => {
      state.result = value;
    },
    progress: (label, total) => startProgress({ stream: io.stderr, enabled: interactive }, label, total),
    resolvePath: (p) => (isAbsolute(p) ? p : resolve(io.cwd, p)),
  };
}

function examplesText(examples: CliCommand['examples']): string {
  if (examples.length === 0) return '';
  const lines = examples.map(([c]) => `  $ npx sparsepixels ${c}`);
  const width = Math.max(...lines.map((l) => l.length));
  const rows = lines.map((l, i) => `${l.padEnd(width)}  # ${examples[i]![1]}`);
  return `\nExamples:\n${rows.join('\n')}\n`;
}

/** Registers one CliCommand on the program; its exit code lands in `state.code`. */
function addCommand(program: Command, spec: CliCommand, io: CliIO, state: RunState): void {
  const cmd = program
    .command(spec.name)
    .summary(spec.summary)
    .description(spec.description ?? spec.summary);
  spec.configure(cmd);
  if (spec.json)
    cmd.option('--json', 'print the result as JSON on stdout (no progress bar, no other output)');
  cmd.addHelpText('after', examplesText(spec.examples));
  cmd.addHelpText('after', EXIT_CODES_HELP);
  cmd.action(async (...params: unknown[]) => {
    const self = params.at(-1) as Command;
    const opts = self.opts();
    state.command = spec.name;
    state.json = opts.json === true;
    await prepareH5Inputs([...self.processedArgs, ...Object.values(opts)]);
    state.code = await spec.run({ args: self.processedArgs, opts }, makeContext(io, state.json, state));
    if (state.json) io.stdout.write(`${JSON.stringify(jsonEnvelope(state), null, 2)}\n`);
  });
}

/** The commander program with every registered command. */
export function buildProgram(io: CliIO, state: RunState): Command {
  const program = new Command('sparsepixels')
    .description('Sparse CNNs for spatially sparse images: datasets, training, and bit-exact HLS firmware.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      outputError: () => undefined, // reportError prints one line instead
    });
  for (const spec of COMMANDS) addCommand(program, spec, io, state);
  const names = COMMANDS.map((c) => c.name);
  program.addHelpText(
    'after',
    examplesText([
      [`${names[0]} --help`, `help and examples for '${names[0]}'`],
      ...COMMANDS.flatMap((c) => c.examples.slice(0, 1)),
    ]),
  );
  program.addHelpText('after', EXIT_CODES_HELP);
  return program;
}

/**
 * Runs the CLI on `argv` (the words after `sparsepixels`) and returns the exit code. Errors are
 * printed as one line `sparsepixels: error: <message>` on stderr, never as a stack trace (unless
 * SPARSEPIXELS_DEBUG=1); with --json, stdout also gets the error as a JSON document.
 */
export async function runCli(argv: readonly string[], io: CliIO = processIO()): Promise<ExitCode> {
  const state: RunState = { code: EXIT_OK, started: performance.now(), warnings: [], json: false };
  try {
    await buildProgram(io, state).parseAsync([...argv], { from: 'user' });
    return state.code;
  } catch (err) {
    const report = reportError(err, io.env.SPARSEPIXELS_DEBUG === '1');
    for (const line of report.lines) io.stderr.write(`${line}\n`);
    // --json is honoured even when the error came before the command parsed its options
    const json = state.json || argv.includes('--json');
    if (json && report.error) {
      state.code = report.exitCode;
      state.command ??= COMMANDS.find((c) => c.name === argv[0])?.name;
      io.stdout.write(`${JSON.stringify(jsonEnvelope(state, report.error), null, 2)}\n`);
    }
    return report.exitCode;
  }
}
