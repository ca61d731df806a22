import { BUILTIN_OPS, getOp } from '@sparsepixels/ir';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILTIN_EMITTERS, findEmitter, listEmitterOps, registerEmitter } from './emitters';
import type { LayerEmitter } from './layer-emitter';

const remove: (() => void)[] = [];
afterEach(() => remove.splice(0).forEach((f) => f()));

describe('emitter registry', () => {
  it('has an emitter for every op of the IR, and no other built-in', () => {
    expect(Object.keys(BUILTIN_EMITTERS)).toEqual(BUILTIN_OPS.map((op) => op.type));
    for (const op of BUILTIN_OPS) expect(findEmitter(op.type)?.op).toBe(op.type);
  });

  it('every built-in emitter names its kernel header and loads its template', () => {
    for (const e of Object.values(BUILTIN_EMITTERS)) {
      expect(e.headers.length).toBeGreaterThan(0);
      expect(e.template()).toContain('{{#if (eq section "config")}}');
      expect(getOp(e.op).type).toBe(e.op);
    }
  });

  it('adds and removes an outside emitter; built-ins cannot be replaced', () => {
    const custom: LayerEmitter = { op: 'MyOp', headers: ['my_op.h'], template: () => '', view: () => ({}) };
    remove.push(registerEmitter(custom));
    expect(findEmitter('MyOp')).toBe(custom);
    expect(listEmitterOps().at(-1)).toBe('MyOp');
    expect(() => registerEmitter({ ...custom, op: 'Dense' })).toThrowErrorMatchingInlineSnapshot(
      `[SparsePixelsError: an emitter for op "Dense" is already registered]`,
    );
    remove.pop()!();
    expect(findEmitter('MyOp')).toBeUndefined();
  });
});
