// Written by benchmarks/sparse-conv-fit.ts from a benchmark run; do not edit by hand.
// Coefficients (ms per unit of each feature in FEATURE_NAMES order) per method.
import type { Method } from '../types';

export const FITTED: {
  source: string;
  methods: Record<Method, number[]>;
  minThreadedMs: number;
  maxThreads: number;
} = {
  source: 'placeholder before the first fit',
  methods: {
    direct: [0.002, 0.0005, 3e-6, 3e-6, 1e-6, 0, 0],
    precomputed: [0.002, 0.0005, 3e-6, 3e-6, 1e-6, 5e-6, 0],
    lazy: [0.002, 0.0005, 3e-6, 3e-6, 0, 0, 5e-6],
    'gather-scatter': [0.002, 0.0005, 3e-6, 3e-6, 1e-6, 0, 0],
  },
  minThreadedMs: 4,
  maxThreads: 8,
};
