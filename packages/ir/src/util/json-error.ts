/** Leading bytes of common binary files; a byte above 0x7f may have been decoded as U+FFFD. */
const MAGIC: readonly (readonly [RegExp, string])[] = [
  [/^PK\u0003\u0004/, 'a ZIP archive (an .npz?)'],
  [/^[\u0093\ufffd]NUMPY/, 'an .npy array'],
  [/^\u007fELF/, 'an executable'],
  [/^[\u0089\ufffd]HDF/, 'an HDF5 file (a Keras .h5?)'],
];

/** Control characters (other than tab, newline, return) and the Unicode replacement character. */
const BINARY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/;

/**
 * Why a text did not parse as JSON, in one printable line: a binary file is named as such (by its
 * first bytes, never echoed raw), and any control character in JSON.parse's message is escaped.
 */
export function jsonErrorDetail(text: string, err: unknown): string {
  const head = text.slice(0, 512);
  if (BINARY.test(head)) {
    const kind = MAGIC.find(([m]) => m.test(text))?.[1];
    const first = Array.from(text.slice(0, 4));
    const bytes = first.every((c) => c.charCodeAt(0) <= 0xff)
      ? ` (first bytes ${first.map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join(' ')})`
      : '';
    return `it is a binary file${kind ? `, ${kind}` : ''}${bytes}`;
  }
  const message = String((err as Error | undefined)?.message ?? err).split('\n')[0]!;
  const printable = message.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return printable.length > 200 ? `${printable.slice(0, 200)}...` : printable;
}
