import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareModel } from '@sparsepixels/ir';
import { afterAll, describe, expect, it } from 'vitest';
import { vivadoBackend } from '../src';
import { smallSparseModel } from '../src/testing';
import { readTree } from './project-files';

// A caller that prepared the model once (exportPrepared, the CLI) hands the PreparedModel to emit:
// the project is the same as from the document, and model.ir.json is the document as given.
const root = mkdtempSync(join(tmpdir(), 'sp-emit-prepared-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('vivado emit of a PreparedModel', () => {
  it('writes the same project as emitting the document', async () => {
    const doc = smallSparseModel();
    const fromDoc = await vivadoBackend.emit(doc, join(root, 'doc'));
    const prepared = prepareModel(JSON.stringify(doc));
    const fromPrepared = await vivadoBackend.emit(prepared, join(root, 'prepared'));
    expect(readTree(fromPrepared.outDir, true)).toEqual(readTree(fromDoc.outDir, true));
    expect(JSON.parse(readFileSync(join(fromPrepared.outDir, 'model.ir.json'), 'utf8'))).toEqual(doc);
  });
});
