import { SparsePixelsError } from '@sparsepixels/core';
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { commanderMessage, reportError } from './cli-error';

describe('commanderMessage', () => {
  it("rewrites commander's two-line suggestions as one line", () => {
    expect(commanderMessage("error: unknown command 'genrate'\n(Did you mean generate?)")).toBe(
      "unknown command 'genrate'; did you mean 'generate'?",
    );
    expect(commanderMessage("error: unknown option '--cout'\n(Did you mean one of --count, --out?)")).toBe(
      "unknown option '--cout'; did you mean '--count' or '--out'?",
    );
    expect(commanderMessage("error: missing required argument 'dataset'")).toBe(
      "missing required argument 'dataset'",
    );
  });
});

describe('reportError', () => {
  it('maps help and version to exit 0 with nothing more to print', () => {
    expect(reportError(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'), false)).toEqual({
      exitCode: 0,
      lines: [],
    });
    expect(reportError(new CommanderError(0, 'commander.help', '(outputHelp)'), false)).toEqual({
      exitCode: 0,
      lines: [],
    });
    expect(reportError(new CommanderError(0, 'commander.version', '1.0.0'), false)).toEqual({
      exitCode: 0,
      lines: [],
    });
  });

  it('maps usage errors and SparsePixelsError to exit 2 with one line', () => {
    const usage = new CommanderError(1, 'commander.unknownCommand', "error: unknown command 'x'");
    expect(reportError(usage, false)).toEqual({
      exitCode: 2,
      lines: ["sparsepixels: error: unknown command 'x'"],
      error: { code: 'SP_CLI_USAGE', message: "unknown command 'x'", where: null },
    });
    const input = new SparsePixelsError('SP_NPY_FORMAT', 'data is truncated:\n 3 bytes', 'a.npy');
    expect(reportError(input, false)).toEqual({
      exitCode: 2,
      lines: ['sparsepixels: error: a.npy: data is truncated: 3 bytes'],
      error: { code: 'SP_NPY_FORMAT', message: 'data is truncated: 3 bytes', where: 'a.npy' },
    });
    const fsError = Object.assign(new Error("ENOENT: no such file or directory, open 'z'"), {
      code: 'ENOENT',
    });
    expect(reportError(fsError, false).exitCode).toBe(2);
  });

  it('maps anything else to an internal error (exit 3, not 1 = a failed check), with the stack only in debug mode', () => {
    const bug = new TypeError('x is undefined');
    expect(reportError(bug, false)).toEqual({
      exitCode: 3,
      lines: [
        'sparsepixels: error: internal error: x is undefined (this is a bug: please report it with the command line; SPARSEPIXELS_DEBUG=1 shows the stack trace)',
      ],
      error: { code: 'SP_INTERNAL', message: 'x is undefined', where: null },
    });
    // Node's own ERR_* codes are not bad input: a bug (the old >2 GiB write gave ERR_OUT_OF_RANGE, exit 2)
    const range = Object.assign(new RangeError('The value of "length" is out of range.'), {
      code: 'ERR_OUT_OF_RANGE',
    });
    expect(reportError(range, false).exitCode).toBe(3);
    const debug = reportError(bug, true);
    expect(debug.lines[0]).toBe('sparsepixels: error: internal error: x is undefined');
    expect(debug.lines.slice(1).join('\n')).toContain('TypeError: x is undefined');
  });
});
