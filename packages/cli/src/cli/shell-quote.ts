/**
 * One word for a POSIX shell: as is when it holds only characters no shell treats specially,
 * else in single quotes (a ' inside becomes '\''). Used for the next-step hints the CLI prints,
 * so a path with spaces or quotes can be pasted back as it is.
 */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_/.,:=@%+-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, "'\\''")}'`;
}

/** `npx sparsepixels <words...>` with every word quoted as needed (the CLI is not on PATH in a clone). */
export function cliCommand(...words: string[]): string {
  return ['npx', 'sparsepixels', ...words.map(shellQuote)].join(' ');
}
