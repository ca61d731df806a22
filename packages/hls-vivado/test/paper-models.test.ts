import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { vivadoBackend } from '../src';
import { expectBitExact, paperCases } from '../src/testing';

// The paper's three architectures (neutrino 63x63, jet 56x56, sparse MNIST 48x48) at 8 and 16
// bits with N = 8 and 20: emitted, compiled with g++ and bit-exact on 200 random events each
// (0 to 2N+2 active pixels, so empty events and events over the pixel budget are included).
const root = mkdtempSync(join(tmpdir(), 'sp-paper-vivado-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.concurrent('vivado: paper architectures are bit-exact', () => {
  it.each(paperCases())('$name', (c) => expectBitExact(vivadoBackend, c, root), 600_000); // twelve g++ compiles at once: the 60 s default fails on a loaded 2-core machine
});
