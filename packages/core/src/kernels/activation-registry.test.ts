import { describe, expect, it } from 'vitest';
import { errorOf } from '../fixed/error-of.test-util';
import { ACTIVATIONS, findActivation, getActivation } from './activation-registry';

describe('activation registry', () => {
  it('lists relu, linear, sigmoid and softmax, each once', () => {
    expect(ACTIVATIONS.map((a) => a.name)).toEqual(['relu', 'linear', 'sigmoid', 'softmax']);
    expect(Object.isFrozen(ACTIVATIONS)).toBe(true);
  });

  it('finds by name and names the allowed ones otherwise', () => {
    expect(findActivation('relu')?.name).toBe('relu');
    expect(findActivation('tanh')).toBeUndefined();
    expect(errorOf(() => getActivation('tanh', 'layer "act"'))).toMatchInlineSnapshot(
      `"SP_KERNEL_ARG: layer "act": activation "tanh" is unknown; allowed relu, linear, sigmoid, softmax"`,
    );
  });
});
