import { describe, expect, it } from 'vitest';
import { jsonEnvelope, type RunState } from './json-result';

const state = (over: Partial<RunState>): RunState => ({
  code: 0,
  started: performance.now(),
  json: true,
  warnings: [],
  ...over,
});

describe('jsonEnvelope', () => {
  it('puts the shared fields first, with defaults, then the command fields', () => {
    const doc = jsonEnvelope(state({ command: 'csim', result: { input: '/p', events: 3, bitExact: true } }));
    expect(Object.keys(doc)).toEqual([
      'command',
      'exitCode',
      'ok',
      'seconds',
      'input',
      'out',
      'events',
      'timings',
      'warnings',
      'bitExact',
    ]);
    expect(doc).toMatchObject({
      command: 'csim',
      exitCode: 0,
      ok: true,
      input: '/p',
      out: null,
      events: 3,
      timings: {},
      warnings: [],
    });
  });

  it('never lets a command field replace a shared one', () => {
    const doc = jsonEnvelope(
      state({
        command: 'x',
        code: 1,
        warnings: ['w'],
        result: { warnings: 2, exitCode: 0, ok: true, command: 'y' },
      }),
    );
    expect(doc).toMatchObject({ command: 'x', exitCode: 1, ok: false, warnings: ['w'] });
  });

  it('reports an error with the shared fields and nothing of a partial result', () => {
    const doc = jsonEnvelope(state({ command: 'predict', code: 2, result: { out: '/o', events: 5 } }), {
      code: 'SP_X',
      message: 'bad',
      where: '/f',
    });
    expect(doc).toMatchObject({
      exitCode: 2,
      ok: false,
      out: null,
      events: null,
      error: { code: 'SP_X', message: 'bad', where: '/f' },
    });
  });
});
