/**
 * The activations every dense-path and sparse activation layer can use: an explicit array, the
 * only place that maps an activation name to its kernels.
 */
import { SparsePixelsError } from '../errors';
import type { ActivationKernel } from './activation-kernel';
import { linearKernel } from './linear';
import { reluKernel } from './relu';
import { sigmoidKernel } from './sigmoid';
import { softmaxKernel } from './softmax';

export const ACTIVATIONS: readonly ActivationKernel[] = Object.freeze([
  reluKernel,
  linearKernel,
  sigmoidKernel,
  softmaxKernel,
]);

export function findActivation(name: string): ActivationKernel | undefined {
  return ACTIVATIONS.find((a) => a.name === name);
}

export function getActivation(name: string, where?: string): ActivationKernel {
  const kernel = findActivation(name);
  if (kernel === undefined) {
    throw new SparsePixelsError(
      'SP_KERNEL_ARG',
      `activation "${name}" is unknown; allowed ${ACTIVATIONS.map((a) => a.name).join(', ')}`,
      where,
    );
  }
  return kernel;
}
