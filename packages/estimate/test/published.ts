/**
 * The published whole-model figures (fixtures/paper-results.json) beside our estimate of the
 * reference design of each model, built with the paper architectures of @sparsepixels/ir/testing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPaperModel, type PaperDataset } from '@sparsepixels/ir/testing';
import { estimateDocument, type DesignEstimate } from '../src/index';

export interface PublishedModel {
  readonly dataset: PaperDataset;
  readonly bits: 8 | 16;
  readonly model: string;
  readonly nMax: number | null;
  readonly latencyCycles: number;
  readonly latencyUs: number;
  readonly ii: number;
  readonly lut: number;
  readonly ff: number;
  readonly dsp: number;
  readonly bram36: number;
}

/** This folder's fixtures when run by vitest; benchmarks pass the path from the repository root. */
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export function publishedModels(dir = FIXTURES): PublishedModel[] {
  const doc = JSON.parse(readFileSync(join(dir, 'paper-results.json'), 'utf8')) as {
    models: PublishedModel[];
  };
  return doc.models;
}

export interface Comparison {
  readonly published: PublishedModel;
  readonly estimate: DesignEstimate;
  readonly ms: number;
  /** (estimate - published) / published. */
  readonly error: { latency: number; ii: number; lut: number; ff: number };
}

export function compareModel(p: PublishedModel): Comparison {
  const doc = buildPaperModel({
    dataset: p.dataset,
    variant: p.nMax === null ? 'standard' : 'sparse',
    bits: p.bits,
    ...(p.nMax ? { nMax: p.nMax } : {}),
  });
  const t0 = performance.now();
  const estimate = estimateDocument(doc, { kernels: 'reference' });
  const ms = performance.now() - t0;
  const e = estimate.estimate;
  const rel = (a: number, b: number) => (a - b) / b;
  return {
    published: p,
    estimate,
    ms,
    error: {
      latency: rel(e.latencyCycles, p.latencyCycles),
      ii: rel(e.ii, p.ii),
      lut: rel(e.lut, p.lut),
      ff: rel(e.ff, p.ff),
    },
  };
}

export function medianAbs(xs: readonly number[]): number {
  const s = xs.map(Math.abs).sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
