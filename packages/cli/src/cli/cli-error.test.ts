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
    });
    const input = new SparsePixelsError('SP_NPY_FORMAT', 'data is truncated:\n 3 bytes', 'a.npy');
    expect(reportError(input, false)).toEqual({
      exitCode: 2,
      lines: ['sparsepixels: error: a.npy: data is truncated: 3 bytes'],
    });
    const fsError = Object.assign(new Error("ENOENT: no such file or directory, open 'z'"), {
      code: 'ENOENT',
    });
    expect(reportError(fsError, false).exitCode).toBe(2);
  });

  it('maps anything else to an internal error (exit 1), with the stack only in debug mode', () => {
    const bug = new TypeError('x is undefined');
    expect(reportError(bug, false)).toEqual({
      exitCode: 1,
      lines: [
        'sparsepixels: error: internal error: x is undefined (set SPARSEPIXELS_DEBUG=1 to see the stack trace)',
      ],
    });
    const debug = reportError(bug, true);
    expect(debug.lines[0]).toBe('sparsepixels: error: internal error: x is undefined');
    expect(debug.lines.slice(1).join('\n')).toContain('TypeError: x is undefined');
  });
});
