import { describe, expect, it } from 'vitest';
import { checkBackendSupports, getBackend, listBackends, registerBackend, type Backend } from './backend';
import { tinySparseModel } from './testing/tiny-models';

function backend(name: string, ops: string[] = []): Backend {
  return {
    name,
    description: 'test backend',
    supportsOp: (op) => ops.includes(op),
    emit: async (_model, outDir) => ({ outDir, files: [] }),
  };
}

describe('backend registry', () => {
  it('registers, finds, lists and removes backends', async () => {
    const remove = registerBackend(backend('toy-hls', ['Dense']));
    try {
      expect(getBackend('toy-hls').name).toBe('toy-hls');
      expect(listBackends().map((b) => b.name)).toContain('toy-hls');
      await expect(getBackend('toy-hls').emit(tinySparseModel(), '/tmp/x')).resolves.toEqual({ outDir: '/tmp/x', files: [] });
      expect(() => getBackend('toy-hsl')).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: unknown backend 'toy-hsl'; did you mean 'toy-hls'?]`);
      expect(() => registerBackend(backend('toy-hls'))).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: a backend named 'toy-hls' is already registered]`);
      expect(() => checkBackendSupports(getBackend('toy-hls'), tinySparseModel())).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: backend 'toy-hls' does not support layer "reduce" (InputReduce)]`);
    } finally {
      remove();
    }
    expect(listBackends().map((b) => b.name)).not.toContain('toy-hls');
  });

  it('rejects names that are not lower-case identifiers', () => {
    expect(() => registerBackend(backend('My Backend'))).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: backend name "My Backend" must be lower-case letters, digits and '-' (starting with a letter)]`);
  });
});
