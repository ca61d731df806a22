import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './registry';

describe('command registry', () => {
  it('lists uniquely named commands, each with a summary and examples that use its own name', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of COMMANDS) {
      expect(c.name).toMatch(/^[a-z][a-z-]*$/);
      expect(c.summary.length).toBeGreaterThan(10);
      expect(c.examples.length).toBeGreaterThan(0);
      for (const [line] of c.examples) expect(line.startsWith(`${c.name} `)).toBe(true);
    }
  });

  it('lets every command declare its arguments on a commander command', () => {
    for (const c of COMMANDS) {
      const cmd = new Command(c.name);
      c.configure(cmd);
      expect(cmd.helpInformation()).toContain(`Usage: ${c.name}`);
    }
  });
});
