import { SparsePixelsError } from '@sparsepixels/core';

/** The three fields of an .npy header dictionary. */
export interface NpyHeader {
  readonly descr: string;
  readonly fortranOrder: boolean;
  readonly shape: readonly number[];
}

/** Alignment of the data start that numpy uses (and we write). */
export const NPY_ALIGN = 64;

/**
 * The header text numpy writes: the dict literal with keys in sorted order, padded with spaces so
 * that `prefixLength` + text length is a multiple of 64, ending with a newline.
 */
export function formatNpyHeader(h: NpyHeader, prefixLength: number): string {
  const shape = h.shape.length === 1 ? `(${h.shape[0]},)` : `(${h.shape.join(', ')})`;
  const dict = `{'descr': '${h.descr}', 'fortran_order': ${h.fortranOrder ? 'True' : 'False'}, 'shape': ${shape}, }`;
  const pad = NPY_ALIGN - ((prefixLength + dict.length + 1) % NPY_ALIGN);
  return dict + ' '.repeat(pad % NPY_ALIGN) + '\n';
}

type Value = string | boolean | number | Value[] | Map<string, Value>;

/** Parses the Python dict literal of an .npy header (strings, True/False, ints, tuples). */
export function parseNpyHeader(text: string, source: string): NpyHeader {
  const fail = (what: string): never => {
    throw new SparsePixelsError(
      'SP_NPY_FORMAT',
      `bad .npy header ${JSON.stringify(text.trim()).slice(0, 120)}: ${what}`,
      source,
    );
  };
  const parser = new LiteralParser(text, fail);
  const dict = parser.parseTop();
  if (!(dict instanceof Map)) return fail('it is not a dictionary');
  const descr = dict.get('descr');
  const fortran = dict.get('fortran_order');
  const shape = dict.get('shape');
  if (typeof descr !== 'string') return fail("'descr' must be a string such as '<f4'");
  if (typeof fortran !== 'boolean') return fail("'fortran_order' must be True or False");
  if (
    !Array.isArray(shape) ||
    !shape.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)
  ) {
    return fail("'shape' must be a tuple of non-negative integers");
  }
  for (const key of dict.keys())
    if (!['descr', 'fortran_order', 'shape'].includes(key)) fail(`unexpected key '${key}'`);
  return { descr, fortranOrder: fortran, shape: shape as number[] };
}

class LiteralParser {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly fail: (what: string) => never,
  ) {}

  parseTop(): Value {
    const v = this.value();
    this.space();
    if (this.i < this.s.length) this.fail(`unexpected '${this.s[this.i]}' at offset ${this.i}`);
    return v;
  }

  private space(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  private value(): Value {
    this.space();
    const c = this.s[this.i];
    if (c === '{') return this.sequence('}', true) as Map<string, Value>;
    if (c === '(' || c === '[') return this.sequence(c === '(' ? ')' : ']', false) as Value[];
    if (c === "'" || c === '"') return this.string(c);
    const m = /^(True|False|-?\d+L?)/.exec(this.s.slice(this.i));
    if (!m) return this.fail(c === undefined ? 'it ends too early' : `unexpected '${c}' at offset ${this.i}`);
    this.i += m[0].length;
    if (m[0] === 'True' || m[0] === 'False') return m[0] === 'True';
    return Number(m[0].replace('L', ''));
  }

  private string(quote: string): string {
    const end = this.s.indexOf(quote, this.i + 1);
    if (end < 0) this.fail('a string is not closed');
    const v = this.s.slice(this.i + 1, end);
    this.i = end + 1;
    return v;
  }

  /** A dict (`isDict`) or tuple/list: items separated by commas, a trailing comma allowed. */
  private sequence(close: string, isDict: boolean): Map<string, Value> | Value[] {
    this.i++; // the opening bracket
    const map = new Map<string, Value>();
    const list: Value[] = [];
    for (;;) {
      this.space();
      if (this.s[this.i] === close) break;
      const v = this.value();
      if (isDict) {
        if (typeof v !== 'string') this.fail('dictionary keys must be strings');
        this.space();
        if (this.s[this.i] !== ':') this.fail(`expected ':' at offset ${this.i}`);
        this.i++;
        map.set(v as string, this.value());
      } else list.push(v);
      this.space();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== close) this.fail(`expected ',' or '${close}' at offset ${this.i}`);
    }
    this.i++; // the closing bracket
    return isDict ? map : list;
  }
}
