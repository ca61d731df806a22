import { describe, expect, it } from 'vitest';
import { parseArgs } from './parse-args';

describe('parseArgs', () => {
  it('defaults to the full mode and reads --ci, --out and --quiet', () => {
    expect(parseArgs([])).toEqual({ mode: 'full', quiet: false, help: false });
    expect(parseArgs(['--ci', '--out', 'x/y', '--quiet'])).toEqual({ mode: 'ci', outDir: 'x/y', quiet: true, help: false });
  });

  it('refuses unknown arguments and a missing --out folder in one line', () => {
    expect(() => parseArgs(['--cii'])).toThrow("command line: unknown argument '--cii'; allowed: --ci, --out <dir>, --quiet, --help");
    expect(() => parseArgs(['--out'])).toThrow('--out needs a folder; got nothing');
    expect(() => parseArgs(['--out', '--ci'])).toThrow('--out needs a folder; got --ci');
  });
});
