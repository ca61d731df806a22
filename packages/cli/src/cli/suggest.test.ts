import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from './suggest';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(editDistance('generate', 'generate')).toBe(0);
    expect(editDistance('genrate', 'generate')).toBe(1);
    expect(editDistance('gneerate', 'generate')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('didYouMean', () => {
  const names = ['neutrino', 'jet', 'digits'];
  it('suggests the closest name, or prefixes', () => {
    expect(didYouMean('neutrno', names)).toBe("; did you mean 'neutrino'?");
    expect(didYouMean('Jets', names)).toBe("; did you mean 'jet'?");
    expect(didYouMean('dig', names)).toBe("; did you mean 'digits'?");
  });
  it('says nothing when nothing is close, and lists ties', () => {
    expect(didYouMean('mnist', names)).toBe('');
    expect(didYouMean('ab', ['ac', 'ad', 'xyz'])).toBe("; did you mean 'ac' or 'ad'?");
  });
});
