import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getOp, IRValidationError, OUTPUT_MARKER_FILE, registerOp, type OutsideOpType } from '@sparsepixels/ir';
import { afterAll, describe, expect, it } from 'vitest';
import { vivadoBackend } from '../src';
import { smallSparseModel } from '../src/testing';

// Bad input to the emitter: each gives one line naming the problem, and nothing is written.
const root = mkdtempSync(join(tmpdir(), 'sp-emit-errors-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function emitError(doc: unknown, dir: string, force = false): Promise<Error> {
  const err = await vivadoBackend.emit(doc, dir, { force }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(Error);
  expect((err as Error).message.split('\n')).toHaveLength(1);
  return err as Error;
}

describe('vivado emit refuses bad input', () => {
  it('an IR that fails validation', async () => {
    const doc = smallSparseModel();
    (doc.layers[1] as { op: string }).op = 'SparseConv2d'; // a misspelt op: not a typed layer any more
    const dir = join(root, 'invalid');
    const err = await emitError(doc, dir);
    expect(err).toBeInstanceOf(IRValidationError);
    expect(err.message).toMatch(
      /^\d+ errors? in the model; first: .*unknown op 'SparseConv2d'.*did you mean 'SparseConv2D'/,
    );
    expect(existsSync(dir)).toBe(false);
  });

  it('an op the backend has no emitter for', async () => {
    const unregister = registerOp({ ...getOp('Flatten'), type: 'MyFlatten', description: 'an outside op' });
    try {
      const doc = smallSparseModel();
      doc.layers.splice(5, 0, { name: 'again', op: 'MyFlatten' as OutsideOpType, inputs: ['flat'] });
      doc.layers[6]!.inputs = ['again'];
      expect(vivadoBackend.supportsOp('MyFlatten')).toBe(false);
      const dir = join(root, 'unsupported');
      const err = await emitError(doc, dir);
      expect(err.message).toMatchInlineSnapshot(`"the vivado backend cannot emit op "MyFlatten""`);
      expect(existsSync(dir)).toBe(false);
    } finally {
      unregister();
    }
  });

  it('a non-empty output folder, with or without force, left as it was unless sparsepixels wrote it', async () => {
    const dir = join(root, 'occupied');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const err = await emitError(smallSparseModel(), dir);
    expect(err.message.replace(root, '<root>')).toMatchInlineSnapshot(
      `"<root>/occupied: the output folder is not empty; pass --force to replace a folder that sparsepixels wrote"`,
    );
    const forced = await emitError(smallSparseModel(), dir, true);
    expect(forced.message.replace(root, '<root>')).toMatchInlineSnapshot(
      `"<root>/occupied: the folder was not written by sparsepixels (it has no .sparsepixels-output.json); nothing was replaced"`,
    );
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    const prj = join(root, 'ours');
    await vivadoBackend.emit(smallSparseModel(), prj);
    await vivadoBackend.emit({ ...smallSparseModel(), build: { project: 'other' } }, prj, { force: true });
    expect(existsSync(join(prj, 'firmware/myproject.cpp'))).toBe(false);
    expect(existsSync(join(prj, 'firmware/other.cpp'))).toBe(true);
    expect(JSON.parse(readFileSync(join(prj, OUTPUT_MARKER_FILE), 'utf8'))).toMatchObject({ kind: 'hls-project', backend: 'vivado' });
  });

  it('a project name that is not a C identifier', async () => {
    const doc = { ...smallSparseModel(), build: { project: 'my-project' } };
    const dir = join(root, 'badname');
    const err = await emitError(doc, dir);
    expect(err.message).toMatchInlineSnapshot(
      `"1 error in the model; first: SP2001 error /build/project: "my-project" is not a valid name: use letters, digits and '_', not starting with a digit"`,
    );
    expect(existsSync(dir)).toBe(false);
  });

  it('io_stream for a sparse model (the sparse kernels are io_parallel only)', async () => {
    const doc = { ...smallSparseModel(), build: { ioType: 'io_stream' } };
    const dir = join(root, 'stream');
    const err = await emitError(doc, dir);
    expect(err.message).toMatchInlineSnapshot(
      `"/build/ioType: ioType "io_stream" is supported by the vivado backend for standard CNNs only; layer "reduce" (InputReduce) is sparse: use io_parallel"`,
    );
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(root).filter((f) => f.startsWith('.'))).toEqual([]); // no temporary folders left
  });
});
