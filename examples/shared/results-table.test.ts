import { describe, expect, it } from 'vitest';
import type { BackendCsim } from './emit-and-csim';
import { csimCell, resultsTable, type ResultRow } from './results-table';

const csim = (backend: string, mismatchCount = 0): BackendCsim => ({ backend, projectDir: '/p', events: 50, bitExact: mismatchCount === 0, mismatchCount, seconds: 1 });

const row = (over: Partial<ResultRow>): ResultRow => ({
  label: 'sparse-m',
  nMax: 16,
  params: 4121,
  opsPerEvent: 5000,
  float: { accuracy: 0.8, auc: 0.9 },
  firmware: { accuracy: 0.8125, auc: 0.875 },
  overflowRate: 0.25,
  decisionAgreement: 1,
  epochs: 10,
  csim: [csim('vivado'), csim('vitis')],
  ...over,
});

describe('results table', () => {
  it('says yes only when every backend is bit-exact, naming the ones that are not', () => {
    expect(csimCell([csim('vivado'), csim('vitis')])).toBe('yes (50 events, vivado + vitis)');
    expect(csimCell([csim('vivado'), csim('vitis', 3)])).toBe('NO (vitis: 3 values differ)');
    expect(csimCell([])).toBe('not run');
  });

  it('writes one row per model, with AUC columns for a binary task', () => {
    const table = resultsTable([row({ label: 'standard', nMax: undefined, overflowRate: undefined, opsPerEvent: 781893 }), row({})]).split('\n');
    expect(table[0]).toBe('| model | N | params | ops/event | epochs | float acc | firmware acc | float AUC | firmware AUC | same decision | overflow (> N active) | csim bit-exact |');
    expect(table[2]).toBe('| standard | — | 4,121 | 781,893 | 10 | 0.800 | 0.813 | 0.900 | 0.875 | 100.0 % | — | yes (50 events, vivado + vitis) |');
    expect(table[3]).toBe('| sparse-m | 16 | 4,121 | 5,000 | 10 | 0.800 | 0.813 | 0.900 | 0.875 | 100.0 % | 25.0 % | yes (50 events, vivado + vitis) |');
  });

  it('leaves the AUC columns out for a multi-class task', () => {
    const table = resultsTable([row({ float: { accuracy: 0.5 }, firmware: { accuracy: 0.5 } })]).split('\n');
    expect(table[0]).not.toContain('AUC');
    expect(table[2]).toBe('| sparse-m | 16 | 4,121 | 5,000 | 10 | 0.500 | 0.500 | 100.0 % | 25.0 % | yes (50 events, vivado + vitis) |');
  });
});
