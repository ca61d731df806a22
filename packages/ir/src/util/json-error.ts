/**
 * Leading bytes of common binary files: [first byte(s) it may have, the text after it]; a byte
 * above 0x7f may have been decoded as U+FFFD.
 */
const MAGIC: readonly (readonly [readonly number[], string, string])[] = [
  [[0x50], 'K\u0003\u0004', 'a ZIP archive (an .npz?)'],
  [[0x93, 0xfffd], 'NUMPY', 'an .npy array'],
  [[0x7f], 'ELF', 'an executable'],
  [[0x89, 0xfffd], 'HDF', 'an HDF5 file (a Keras .h5?)'],
];

/** A control character other than tab, newline and return, or the Unicode replacement character. */
const isBinary = (c: number) => (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd;
/** Any control character (C0, DEL, C1). */
const isControl = (c: number) => c < 0x20 || (c >= 0x7f && c <= 0x9f);

/**
 * Why a text did not parse as JSON, in one printable line: a binary file is named as such (by its
 * first bytes, never echoed raw), and any control character in JSON.parse's message is escaped.
 */
export function jsonErrorDetail(text: string, err: unknown): string {
  const head = text.slice(0, 512);
  if (Array.from(head).some((ch) => isBinary(ch.charCodeAt(0)))) {
    const kind = MAGIC.find(
      ([first, rest]) => first.includes(text.charCodeAt(0)) && text.slice(1).startsWith(rest),
    )?.[2];
    const first = Array.from(text.slice(0, 4));
    const bytes = first.every((c) => c.charCodeAt(0) <= 0xff)
      ? ` (first bytes ${first.map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join(' ')})`
      : '';
    return `it is a binary file${kind ? `, ${kind}` : ''}${bytes}`;
  }
  const message = String((err as Error | undefined)?.message ?? err).split('\n')[0]!;
  const printable = Array.from(message, (ch) => {
    const c = ch.charCodeAt(0);
    return isControl(c) ? `\\x${c.toString(16).padStart(2, '0')}` : ch;
  }).join('');
  return printable.length > 200 ? `${printable.slice(0, 200)}...` : printable;
}
