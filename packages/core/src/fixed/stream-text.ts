import type { FixedValue } from './fixed-value';
import { toDecimalString } from './to-decimal-string';

/** The stream state `std::ostream << x` reads (the other flags have no effect, see streamText). */
export interface StreamState {
  /** `precision()`, default 6; values below 1 act as 1 (the reference's precision 0 is undefined). */
  readonly precision?: number;
  /** `width()`, default 0. */
  readonly width?: number;
  /** `fill()`, default a space. */
  readonly fill?: string;
  /** `std::left` (ap_int only: it pads after the number; fixed values print fill first anyway). */
  readonly left?: boolean;
}

/** Significant digits (first to last non-zero, no trailing zeros) and the decimal exponent of the first. */
interface Digits {
  readonly d: string;
  readonly e: number;
}

function digitsOf(exact: string): Digits | null {
  const [intPart = '', frac = ''] = exact.split('.');
  const all = `${intPart}${frac}`;
  const first = all.search(/[1-9]/);
  if (first < 0) return null;
  return { d: all.slice(first).replace(/0+$/, ''), e: intPart.length - 1 - first };
}

/** Plain digits: `105.015625`, `0.0625`, `1000` (zeros filled in up to the point). */
function plain({ d, e }: Digits): string {
  if (e < 0) return `0.${'0'.repeat(-e - 1)}${d}`;
  const int = d.slice(0, e + 1).padEnd(e + 1, '0');
  const frac = d.slice(e + 1);
  return frac === '' ? int : `${int}.${frac}`;
}

/** `7.62939e-06`, `1.2e+05`; no suffix when the exponent is 0. */
function scientific({ d, e }: Digits): string {
  const mantissa = d.length > 1 ? `${d[0]}.${d.slice(1)}` : d;
  if (e === 0) return mantissa;
  return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** Below 1 with four or more zeros after the point: scientific. */
const tiny = (x: Digits): boolean => x.e <= -5;

/** Adds one unit at digit index i of d (carrying left); the exponent grows if a digit is created. */
function addUnit(x: Digits, i: number): Digits {
  const head = (BigInt(x.d.slice(0, i + 1)) + 1n).toString();
  const grew = head.length > i + 1;
  return { d: `${head}${x.d.slice(i + 1)}`, e: x.e + (grew ? 1 : 0) };
}

/**
 * The significant-digit reduction of the reference's `std::ostream << ap_fixed` (hls-include/
 * README.md, "Printing"): `p` significant digits of the exact value. One decision digit is read;
 * if it is 5..9, one unit is added to the digit before it, then every digit after the p-th is
 * dropped. The decision digit is the (p+1)-th significant one, except for values with a fraction:
 * with exactly p+1 integer digits there is none (the reference reads the point: truncation), with
 * p+2 or more it is the (p+2)-th, so the unit lands on the (p+1)-th digit, which is dropped
 * (truncation unless that digit is 9 and the carry reaches the p-th).
 */
export function reduceToPrecision(exactUnsigned: string, precision: number): string {
  const x = digitsOf(exactUnsigned);
  if (x === null) return '0';
  const p = Math.max(1, Math.trunc(precision));
  if (x.d.length <= p) return tiny(x) ? scientific(x) : plain(x);
  const intDigits = x.e + 1;
  const hasFraction = x.d.length > intDigits;
  const decision = hasFraction && intDigits === p + 1 ? -1 : hasFraction && intDigits >= p + 2 ? p + 1 : p;
  const up = decision >= 0 && (x.d[decision] ?? '0') >= '5';
  const carried = up ? addUnit(x, decision - 1) : x;
  const kept: Digits = { d: carried.d.slice(0, p).replace(/0+$/, ''), e: carried.e };
  if (kept.d.length > kept.e + 1) return tiny(kept) ? scientific(kept) : plain(kept);
  return kept.e + 1 <= p ? plain(kept) : scientific(kept);
}

/**
 * The text `os << x` writes with the reference headers, for the stream state `s`.
 * Fixed-point values: `p` significant digits by reduceToPrecision, `-` for negatives; the
 * floatfield (`std::fixed`, `std::scientific`), `std::showpos` and the base flags are ignored;
 * [quirk] a width larger than the text gives `2 * width - length - 1` fill characters before it.
 * ap_int values: the exact decimal value, padded to the width as any string (precision ignored).
 */
export function streamText(v: FixedValue, s: StreamState = {}): string {
  const width = s.width ?? 0;
  const fill = s.fill ?? ' ';
  const exact = toDecimalString(v);
  if (v.type.kind === 'int') {
    const pad = fill.repeat(Math.max(0, width - exact.length));
    return s.left ? `${exact}${pad}` : `${pad}${exact}`;
  }
  const negative = exact.startsWith('-');
  const text = `${negative ? '-' : ''}${reduceToPrecision(negative ? exact.slice(1) : exact, s.precision ?? 6)}`;
  return width > text.length ? `${fill.repeat(2 * width - text.length - 1)}${text}` : text;
}
