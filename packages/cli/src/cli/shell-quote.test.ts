import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cliCommand, shellQuote } from './shell-quote';

describe('shellQuote', () => {
  it('leaves plain words alone and quotes the rest so that sh reads them back unchanged', () => {
    expect(shellQuote('nu-model/model.json')).toBe('nu-model/model.json');
    expect(shellQuote('my model')).toBe("'my model'");
    expect(cliCommand('csim', 'out dir')).toBe("npx sparsepixels csim 'out dir'");
    for (const word of [
      'my model',
      "it's",
      'a"b',
      '$HOME',
      'x;rm -rf y',
      '`id`',
      '',
      '*',
      'tab\there',
      'new\nline',
    ])
      expect(execFileSync('sh', ['-c', `printf %s ${shellQuote(word)}`], { encoding: 'utf8' })).toBe(word);
  });
});
