import { directCount, directFill } from './direct';
import { storeFill } from './frame';
import { gatherScatterCount } from './gather-scatter';
import type { PhaseKernel } from './job';
import { lazyCount } from './lazy';
import { precomputedCount, precomputedFill } from './precomputed';
import type { Method } from '../types';

/** The four methods' two-phase kernels, registered once. */
export const PHASE_KERNELS: Readonly<Record<Method, PhaseKernel>> = Object.freeze({
  direct: { count: directCount, fill: directFill },
  precomputed: { count: precomputedCount, fill: precomputedFill },
  lazy: { count: lazyCount, fill: storeFill },
  'gather-scatter': { count: gatherScatterCount, fill: storeFill },
});

export const METHODS: readonly Method[] = Object.freeze(Object.keys(PHASE_KERNELS) as Method[]);
