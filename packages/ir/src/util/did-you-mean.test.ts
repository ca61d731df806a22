import { describe, expect, it } from 'vitest';
import { didYouMean } from './did-you-mean';
import { editDistance, suggestionList } from './suggestion-list';

describe('suggestionList / didYouMean', () => {
  it('finds case and separator variants', () => {
    expect(suggestionList('SparseConv2d', ['SparseConv2D', 'Conv2D', 'Dense'])[0]).toBe('SparseConv2D');
    expect(suggestionList('kernel_size', ['kernelSize', 'filters'])).toEqual(['kernelSize']);
  });
  it('orders by distance and drops far names', () => {
    expect(suggestionList('SparseFlaten', ['Flatten', 'SparseFlatten', 'Dense'])).toEqual(['SparseFlatten']);
    expect(suggestionList('xyz', ['Dense', 'Flatten'])).toEqual([]);
  });
  it('suggests a name the input starts, from two characters on', () => {
    expect(suggestionList('dig', ['neutrino', 'jet', 'digits'])).toEqual(['digits']);
    expect(suggestionList('d', ['digits', 'xyz'])).toEqual([]);
  });
  it('counts a transposition as one edit', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('formats one or several suggestions', () => {
    expect(didYouMean('relu1', ['relu1x', 'relu2', 'conv1'])).toMatchInlineSnapshot(
      `"; did you mean 'relu1x' or 'relu2'?"`,
    );
    expect(didYouMean('Dens', ['Dense'])).toMatchInlineSnapshot(`"; did you mean 'Dense'?"`);
    expect(didYouMean('qqqq', ['Dense'])).toBe('');
  });
  it('serves the CLI: dataset, command and backend names', () => {
    const names = ['neutrino', 'jet', 'digits'];
    expect(editDistance('genrate', 'generate')).toBe(1);
    expect(editDistance('gneerate', 'generate')).toBe(1);
    expect(didYouMean('neutrno', names)).toBe("; did you mean 'neutrino'?");
    expect(didYouMean('Jets', names)).toBe("; did you mean 'jet'?");
    expect(didYouMean('dig', names)).toBe("; did you mean 'digits'?");
    expect(didYouMean('mnist', names)).toBe('');
    expect(didYouMean('ab', ['ac', 'ad', 'xyz'])).toBe("; did you mean 'ac' or 'ad'?");
  });
});
