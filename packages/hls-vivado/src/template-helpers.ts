import { SparsePixelsError } from '@sparsepixels/core';

// Quoting for every value the templates write into Tcl, shell and C++ (docs: hls-vivado README,
// "Strings in generated files"). The IR schema already restricts these values to safe patterns;
// the templates quote them anyway, so that a value is always data and never code.

const text = (v: unknown): string => (typeof v === 'string' ? v : String(v));

const unicodeEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * A Tcl word in double quotes that evaluates to exactly `v`. Inside double quotes only `$`, `[`
 * and backslash substitute and `"` ends the word: these (and `]`, braces) get a backslash; other
 * printable ASCII stays as it is; everything else is written as a \uXXXX escape (four digits,
 * read alike by every Tcl version; UTF-16 units).
 */
export function tclQuote(v: unknown): string {
  const s = text(v);
  let out = '"';
  for (let k = 0; k < s.length; k++) {
    const unit = s[k]!;
    if (/[$[\]\\"{}]/.test(unit)) out += `\\${unit}`;
    else if (/[ -~]/.test(unit)) out += unit;
    else out += unicodeEscape(unit);
  }
  return `${out}"`;
}

/** A POSIX shell word in single quotes (inside them only `'` itself needs care). */
export function shQuote(v: unknown): string {
  return `'${text(v).replace(/'/g, `'\\''`)}'`;
}

/**
 * A C++ string literal with exactly the characters of `v`: `\`, `"` and `?` (trigraphs) escaped,
 * anything outside printable ASCII as a three-digit octal escape of its UTF-8 bytes.
 */
export function cString(v: unknown): string {
  let out = '"';
  for (const byte of new TextEncoder().encode(text(v))) {
    const c = String.fromCharCode(byte);
    if (c === '\\' || c === '"' || c === '?') out += `\\${c}`;
    else if (byte >= 0x20 && byte < 0x7f) out += c;
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${out}"`;
}

/**
 * Text for a one-line comment (`//` in C++, `#` in Tcl and shell): line breaks, other control
 * characters and backslashes (a trailing one continues the comment onto the next line, in C++ and
 * in Tcl) become '?'. Printable non-ASCII is kept.
 */
export function commentText(v: unknown): string {
  let out = '';
  for (const c of text(v)) {
    const code = c.codePointAt(0)!;
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
    out += control || c === '\\' ? '?' : c;
  }
  return out;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `v` itself if it is a C identifier; anything else is a bug upstream (the IR validates names). */
export function cIdentifierOnly(v: unknown): string {
  const s = text(v);
  if (!IDENT.test(s)) throw new SparsePixelsError('SP_TEMPLATE', `${JSON.stringify(s)} is not a C identifier`);
  return s;
}

/** The helpers by the names the templates use. */
export const QUOTING_HELPERS: Readonly<Record<string, (v: unknown) => string>> = {
  tcl: tclQuote,
  sh: shQuote,
  cstr: cString,
  comment: commentText,
  ident: cIdentifierOnly,
};
