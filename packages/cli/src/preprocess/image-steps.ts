import { SparsePixelsError } from '@sparsepixels/core';
import { inflate } from '../data/inflate';

/** One event: an H x W x C image, channels last, float64. */
export interface Image {
  readonly h: number;
  readonly w: number;
  readonly c: number;
  readonly data: Float64Array;
}

/** A preprocessing step, parsed from its option value. */
export interface Step {
  /** `--crop 22:78,22:78`, for reports. */
  readonly text: string;
  /** Output [H, W, C] for an input [H, W, C], or a one-line refusal naming the step. */
  shape(h: number, w: number, c: number): [number, number, number];
  apply(img: Image): Image;
}

/** A step option: its flag, value name, help line and parser. */
export interface StepDef {
  readonly flag: string;
  readonly value: string;
  readonly help: string;
  parse(value: string): Step;
}

const usage = (flag: string, what: string) => new SparsePixelsError('SP_CLI_USAGE', `--${flag}: ${what}`);

function finite(flag: string, s: string): number {
  const n = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s.trim()) ? Number(s) : NaN;
  if (!Number.isFinite(n)) throw usage(flag, `'${s}' is not a number`);
  return n;
}

function positiveInt(flag: string, s: string): number {
  const n = /^\d+$/.test(s.trim()) ? Number(s) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw usage(flag, `'${s}' is not a positive integer`);
  return n;
}

/** `P` or `PxQ` (rows x columns). */
function pair(flag: string, s: string): [number, number] {
  const parts = s.toLowerCase().split('x');
  if (parts.length > 2) throw usage(flag, `'${s}' is not N or NxM`);
  const a = positiveInt(flag, parts[0]!);
  return [a, parts.length === 2 ? positiveInt(flag, parts[1]!) : a];
}

/** A Python slice `a:b` (either bound optional, negative from the end) resolved on a length. */
function slice(flag: string, s: string, n: number): [number, number] {
  const m = /^\s*(-?\d*)\s*:\s*(-?\d*)\s*$/.exec(s);
  if (!m) throw usage(flag, `'${s}' is not a slice start:stop`);
  const at = (t: string, dflt: number) => {
    if (t === '') return dflt;
    const v = Number(t);
    return Math.min(n, Math.max(0, v < 0 ? n + v : v));
  };
  return [at(m[1]!, 0), at(m[2]!, n)];
}

function make(text: string, shape: Step['shape'], apply: Step['apply']): Step {
  return { text, shape, apply };
}

const map = (img: Image, f: (v: number) => number): Image => ({ ...img, data: img.data.map(f) });

/** A step that maps every value and keeps the shape. */
const perValue = (text: string, f: (v: number) => number): Step => make(text, (h, w, c) => [h, w, c], (img) => map(img, f));

/** Copies `rows` x `cols` pixels (every channel) of `src` from (sr, sc) into `dst`, `dw` pixels wide, at (dr, dc). */
function copyBlock(src: Image, sr: number, sc: number, dst: Float64Array, dw: number, dr: number, dc: number, rows: number, cols: number): void {
  const c = src.c;
  for (let r = 0; r < rows; r++) dst.set(src.data.subarray(((sr + r) * src.w + sc) * c, ((sr + r) * src.w + sc + cols) * c), ((dr + r) * dw + dc) * c);
}

const crop: StepDef = {
  flag: 'crop',
  value: '<r0:r1,c0:c1>',
  help: 'keep rows r0..r1-1 and columns c0..c1-1 (Python slices: 22:78,22:78 or :63,:63)',
  parse(value) {
    const parts = value.split(',');
    if (parts.length !== 2) throw usage('crop', `'${value}' is not rows,columns (e.g. 22:78,22:78)`);
    const bounds = (h: number, w: number) => {
      const [r0, r1] = slice('crop', parts[0]!, h);
      const [c0, c1] = slice('crop', parts[1]!, w);
      if (r1 <= r0 || c1 <= c0) throw usage('crop', `${value} leaves nothing of a ${h} x ${w} image`);
      return { r0, r1, c0, c1 };
    };
    return make(
      `--crop ${value}`,
      (h, w, c) => {
        const b = bounds(h, w);
        return [b.r1 - b.r0, b.c1 - b.c0, c];
      },
      (img) => {
        const b = bounds(img.h, img.w);
        const h = b.r1 - b.r0;
        const w = b.c1 - b.c0;
        const out = new Float64Array(h * w * img.c);
        copyBlock(img, b.r0, b.c0, out, w, 0, 0, h, w);
        return { h, w, c: img.c, data: out };
      },
    );
  },
};

const pad: StepDef = {
  flag: 'pad',
  value: '<HxW>',
  help: 'zero-pad to H x W, centred (floor((H-h)/2) rows before, the rest after)',
  parse(value) {
    const [H, W] = pair('pad', value);
    const check = (h: number, w: number) => {
      if (H < h || W < w) throw usage('pad', `${H}x${W} is smaller than the ${h} x ${w} image`);
    };
    return make(
      `--pad ${value}`,
      (h, w, c) => (check(h, w), [H, W, c]),
      (img) => {
        check(img.h, img.w);
        const top = Math.floor((H - img.h) / 2);
        const left = Math.floor((W - img.w) / 2);
        const out = new Float64Array(H * W * img.c);
        copyBlock(img, 0, 0, out, W, top, left, img.h, img.w);
        return { h: H, w: W, c: img.c, data: out };
      },
    );
  },
};

const MODES = ['sum', 'max', 'avg'] as const;

const downsample: StepDef = {
  flag: 'downsample',
  value: '<PxQ[:sum|max|avg]>',
  help: 'combine P x Q blocks (stride = block, trailing rows/columns dropped) by sum (default), max or avg',
  parse(value) {
    const [size, modeText = 'sum'] = value.split(':');
    const mode = MODES.find((m) => m === modeText);
    if (!mode) throw usage('downsample', `mode '${modeText}' is not sum, max or avg`);
    const [p, q] = pair('downsample', size!);
    const check = (h: number, w: number) => {
      if (h < p || w < q) throw usage('downsample', `blocks of ${p} x ${q} do not fit a ${h} x ${w} image`);
    };
    return make(
      `--downsample ${value}`,
      (h, w, c) => (check(h, w), [Math.floor(h / p), Math.floor(w / q), c]),
      (img) => {
        check(img.h, img.w);
        const h = Math.floor(img.h / p);
        const w = Math.floor(img.w / q);
        const out = new Float64Array(h * w * img.c);
        for (let r = 0; r < h; r++)
          for (let col = 0; col < w; col++)
            for (let ch = 0; ch < img.c; ch++) {
              let acc = mode === 'max' ? -Infinity : 0;
              // rows then columns of the block, in order (the order numpy's reshape-sum uses differs only in the last bit)
              for (let i = 0; i < p; i++)
                for (let j = 0; j < q; j++) {
                  const v = img.data[((r * p + i) * img.w + col * q + j) * img.c + ch]!;
                  acc = mode === 'max' ? Math.max(acc, v) : acc + v;
                }
              out[(r * w + col) * img.c + ch] = mode === 'avg' ? acc / (p * q) : acc;
            }
        return { h, w, c: img.c, data: out };
      },
    );
  },
};

const scale: StepDef = {
  flag: 'scale',
  value: '<a|a/b>',
  help: 'multiply by a; a/b multiplies by a then divides by b (1/1200 divides exactly as numpy x / 1200)',
  parse(value) {
    const [a, b] = value.split('/');
    const num = finite('scale', a!);
    const den = b === undefined ? 1 : finite('scale', b);
    if (den === 0) throw usage('scale', 'division by zero');
    return perValue(`--scale ${value}`, b === undefined ? (v) => v * num : (v) => (v * num) / den);
  },
};

const normalize: StepDef = {
  flag: 'normalize',
  value: '<max>',
  help: 'divide each image by its largest value (all-zero images stay zero)',
  parse(value) {
    if (value !== 'max') throw usage('normalize', `'${value}' is not supported (max)`);
    return make('--normalize max', (h, w, c) => [h, w, c], (img) => {
      let m = -Infinity;
      for (const v of img.data) m = Math.max(m, v);
      return m > 0 ? map(img, (v) => v / m) : img;
    });
  },
};

const clip: StepDef = {
  flag: 'clip',
  value: '<max>',
  help: 'cap values at max',
  parse(value) {
    const m = finite('clip', value);
    return perValue(`--clip ${value}`, (v) => (v > m ? m : v));
  },
};

const threshold: StepDef = {
  flag: 'threshold',
  value: '<t>',
  help: 'zero every value <= t (keeps x > t, the InputReduce rule)',
  parse(value) {
    const t = finite('threshold', value);
    return perValue(`--threshold ${value}`, (v) => (v <= t ? 0 : v));
  },
};

const minValue: StepDef = {
  flag: 'min-value',
  value: '<t>',
  help: 'zero every value < t (keeps x >= t)',
  parse(value) {
    const t = finite('min-value', value);
    return perValue(`--min-value ${value}`, (v) => (v < t ? 0 : v));
  },
};

const inflateStep: StepDef = {
  flag: 'inflate',
  value: '<factor>',
  help: 'move every non-zero pixel to round((pos - centre) * factor + centre), clipped, ties to even; later pixels overwrite (one channel)',
  parse(value) {
    const f = finite('inflate', value);
    return make(
      `--inflate ${value}`,
      (h, w, c) => {
        if (c !== 1) throw usage('inflate', `needs one channel, the images have ${c}`);
        return [h, w, c];
      },
      (img) => {
        const out = new Float64Array(img.h * img.w);
        inflate(img.data, img.h, img.w, f, out);
        return { ...img, data: out };
      },
    );
  },
};

/** Every step option, in the order `--help` lists them; on the command line they run in the order given. */
export const PREPROCESS_STEPS: readonly StepDef[] = Object.freeze([crop, pad, downsample, scale, normalize, clip, threshold, minValue, inflateStep]);
