import { suggestionList } from './suggestion-list';

/**
 * `; did you mean 'a'?` / `; did you mean 'a' or 'b'?` for the nearest valid names, or '' when none
 * is close. Meant to be appended to a one-line message.
 */
export function didYouMean(input: string, options: readonly string[], max = 3): string {
  const list = suggestionList(input, options).slice(0, max);
  if (list.length === 0) return '';
  const quoted = list.map((s) => `'${s}'`);
  const last = quoted.pop()!;
  return `; did you mean ${quoted.length > 0 ? `${quoted.join(', ')} or ${last}` : last}?`;
}
