import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commentText, cString, shQuote, tclQuote } from './template-helpers';

// Each quoting helper is checked by the real interpreter of its language: tclsh reads the Tcl
// words, sh the shell words, g++ the C++ literals and comments. Every string must come back
// exactly, and nothing in it may run.
const dir = mkdtempSync(join(tmpdir(), 'sp-quote-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pwned = join(dir, 'pwned');

const NASTY = [
  'plain',
  'xcu250-figd2104-2L-e',
  '12.5%',
  'a b',
  '"',
  "'",
  '\\',
  'x\\',
  '$HOME',
  '${HOME}',
  `[exec touch ${pwned}]`,
  `"; exec touch ${pwned}; "`,
  `'; touch ${pwned}; '`,
  `$(touch ${pwned})`,
  `\`touch ${pwned}\``,
  '{',
  '}',
  '{}}',
  'line\nbreak',
  'back\\\nslash-newline',
  'cr\rlf',
  'tab\t',
  ';',
  '??=',
  '%s%n',
  '-e',
  '\u0001\u001f\u007f',
  'é ü ∑',
  '\u2028',
  '',
];

function run(cmd: string, args: string[], input?: string) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: dir, ...(input === undefined ? {} : { input }) });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

const codes = (s: string) => Array.from({ length: s.length }, (_, k) => s.charCodeAt(k)).join(',');

describe('quoting helpers, read back by the real tools', () => {
  it('tclQuote: tclsh reads back every string exactly, and runs nothing', () => {
    const script = NASTY.map((s) => `set v ${tclQuote(s)}\nputs [join [lmap c [split $v ""] {scan $c %c}] ,]`).join('\n');
    const lines = run('tclsh', [], `${script}\n`).split('\n');
    expect(lines.slice(0, NASTY.length)).toEqual(NASTY.map(codes));
    expect(existsSync(pwned)).toBe(false);
  });

  it('shQuote: sh reads back every string exactly, and runs nothing', () => {
    const script = NASTY.map((s) => `printf '%s\\0' ${shQuote(s)}`).join('\n');
    expect(run('sh', ['-c', script]).split('\0').slice(0, NASTY.length)).toEqual(NASTY);
    expect(existsSync(pwned)).toBe(false);
  });

  it('cString: g++ compiles every literal to exactly the UTF-8 bytes of the string', () => {
    const literals = NASTY.map((s) => `    dump(${cString(s)}, sizeof(${cString(s)}) - 1);`).join('\n');
    const source = `#include <cstdio>
static void dump(const char *s, unsigned n) {
    for (unsigned i = 0; i < n; i++) std::printf("%s%u", i ? "," : "", (unsigned char)s[i]);
    std::printf("\\n");
}
int main() {
${literals}
    return 0;
}
`;
    writeFileSync(join(dir, 'lit.cpp'), source);
    run('g++', ['-std=c++14', '-Wall', '-Werror', '-Wtrigraphs', 'lit.cpp', '-o', 'lit']);
    const out = run(join(dir, 'lit'), []).split('\n');
    expect(out.slice(0, NASTY.length)).toEqual(NASTY.map((s) => Array.from(new TextEncoder().encode(s)).join(',')));
  });

  it('commentText: a comment never swallows the next line, in C++ and in Tcl', () => {
    const cpp = NASTY.map((s, k) => `// ${commentText(s)}\nstatic const int x${k} = 1;`).join('\n');
    const sum = NASTY.map((_, k) => `x${k}`).join(' + ');
    writeFileSync(join(dir, 'comments.cpp'), `#include <cstdio>\n${cpp}\nint main() { std::printf("%d\\n", ${sum}); return 0; }\n`);
    run('g++', ['-std=c++14', '-Wall', '-Werror', '-Wcomment', 'comments.cpp', '-o', 'comments']);
    expect(run(join(dir, 'comments'), []).trim()).toBe(String(NASTY.length));
    const tcl = NASTY.map((s) => `# ${commentText(s)}\nincr n`).join('\n');
    expect(run('tclsh', [], `set n 0\n${tcl}\nputs $n\n`).trim()).toBe(String(NASTY.length));
    expect(commentText('a\nb\\')).toBe('a?b?');
  });
});
