import { parseType } from '@sparsepixels/core';

/** A JSON Schema fragment (draft 2020-12), e.g. an op's `attrs` schema. */
export type JsonSchema = { readonly [key: string]: unknown };

/**
 * Why a present attribute value is refused. `type`, `range` and `enum` are what a JSON Schema
 * expresses (reported with the schema); `rule` is a semantic rule on a well-typed value (odd,
 * power of two), reported by the check-attrs pass so the passes after it still run.
 */
export type AttrProblem =
  | { readonly kind: 'type'; readonly expected: string; readonly item?: number }
  | { readonly kind: 'range'; readonly bound: string; readonly item?: number }
  | { readonly kind: 'enum'; readonly allowed: readonly string[] }
  | { readonly kind: 'rule'; readonly rule: 'odd' | 'powerOfTwo'; readonly min: number; readonly max: number }
  | { readonly kind: 'type-string'; readonly detail: string };

/**
 * One attribute of an op, declared once: its JSON Schema, the check of a value, whether it may be
 * left out and its default. `T` is the TypeScript type of the value (inferred by defineOp).
 */
export interface AttrDescriptor<T = unknown> {
  readonly kind: 'int' | 'number' | 'bool' | 'enum' | 'fixedType' | 'intList';
  readonly description: string;
  /** Absent from the document is allowed (then `default`, when declared, applies). */
  readonly optional: boolean;
  readonly default?: T;
  /** JSON Schema of the value (the committed model.v1.schema.json carries it). */
  readonly schema: JsonSchema;
  /** The first problem of a present value, or undefined when it is allowed. */
  check(value: unknown): AttrProblem | undefined;
}

/** An attribute that may be left out; `D` says whether a default fills it in. */
export interface OptionalAttr<T, D extends boolean> extends AttrDescriptor<T> {
  readonly optional: true;
  /** Type-level marker only: whether the resolved value can be undefined. */
  readonly hasDefault?: D;
}

interface IntOptions {
  readonly min: number;
  readonly max: number;
  readonly description: string;
  /** Odd values only (a kernel with a centre tap). */
  readonly odd?: boolean;
  /** Powers of two only (table sizes). */
  readonly powerOfTwo?: boolean;
}

interface NumberOptions {
  readonly description: string;
  readonly min?: number;
  readonly max?: number;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Ajv's words for the bound a value breaks ('>= 1', '<= 4096'), so messages read alike. */
function bounds(v: number, min: number | undefined, max: number | undefined): AttrProblem | undefined {
  if (min !== undefined && v < min) return { kind: 'range', bound: `>= ${min}` };
  if (max !== undefined && v > max) return { kind: 'range', bound: `<= ${max}` };
  return undefined;
}

/** The powers of two in [min, max] (a table size's allowed values, for the JSON Schema). */
function powersOfTwo(min: number, max: number): number[] {
  const out: number[] = [];
  for (let v = 1; v <= max; v *= 2) if (v >= min) out.push(v);
  return out;
}

function descriptor<T>(d: Omit<AttrDescriptor<T>, 'optional'>): AttrDescriptor<T> {
  return Object.freeze({ ...d, optional: false });
}

function int(o: IntOptions): AttrDescriptor<number> {
  if (!(isInt(o.min) && isInt(o.max) && o.min <= o.max))
    throw new Error(`attr.int: bounds ${o.min}..${o.max} must be integers, min <= max`);
  const schema: Record<string, unknown> = {
    type: 'integer',
    minimum: o.min,
    maximum: o.max,
    description: o.description,
  };
  if (o.odd) schema['not'] = { multipleOf: 2 };
  if (o.powerOfTwo) schema['enum'] = powersOfTwo(o.min, o.max);
  return descriptor({
    kind: 'int',
    description: o.description,
    schema,
    check(v) {
      if (!isInt(v)) return { kind: 'type', expected: 'integer' };
      const b = bounds(v, o.min, o.max);
      if (b) return b;
      if (o.odd && v % 2 === 0) return { kind: 'rule', rule: 'odd', min: o.min, max: o.max };
      if (o.powerOfTwo && (v & (v - 1)) !== 0)
        return { kind: 'rule', rule: 'powerOfTwo', min: o.min, max: o.max };
      return undefined;
    },
  });
}

function number(o: NumberOptions): AttrDescriptor<number> {
  const schema: Record<string, unknown> = { type: 'number', description: o.description };
  if (o.min !== undefined) schema['minimum'] = o.min;
  if (o.max !== undefined) schema['maximum'] = o.max;
  return descriptor({
    kind: 'number',
    description: o.description,
    schema,
    check(v) {
      if (typeof v !== 'number') return { kind: 'type', expected: 'number' };
      // JSON has no NaN or infinity; a TypeScript caller can still pass them.
      if (!Number.isFinite(v)) return { kind: 'type', expected: 'finite number' };
      return bounds(v, o.min, o.max);
    },
  });
}

function bool(o: { readonly description: string }): AttrDescriptor<boolean> {
  return descriptor({
    kind: 'bool',
    description: o.description,
    schema: { type: 'boolean', description: o.description },
    check: (v) => (typeof v === 'boolean' ? undefined : { kind: 'type', expected: 'boolean' }),
  });
}

function oneOf<const V extends string>(
  values: readonly V[],
  o: { readonly description: string },
): AttrDescriptor<V> {
  if (values.length === 0) throw new Error('attr.enum: at least one value');
  const allowed: readonly string[] = Object.freeze([...values]);
  return descriptor({
    kind: 'enum',
    description: o.description,
    schema: { type: 'string', enum: allowed, description: o.description },
    check(v) {
      if (typeof v !== 'string') return { kind: 'type', expected: 'string' };
      return allowed.includes(v) ? undefined : { kind: 'enum', allowed };
    },
  });
}

/** A fixed-point type string (`ap_fixed<8,3>`, hls4ml spellings accepted), checked by core's parser. */
function fixedType(o: { readonly description: string }): AttrDescriptor<string> {
  return descriptor({
    kind: 'fixedType',
    description: o.description,
    schema: { type: 'string', minLength: 1, maxLength: 200, description: o.description },
    check(v) {
      if (typeof v !== 'string') return { kind: 'type', expected: 'string' };
      try {
        parseType(v);
        return undefined;
      } catch (e) {
        return { kind: 'type-string', detail: (e as Error).message };
      }
    },
  });
}

/** A list of integers (a shape, strides): item bounds and a length range. */
function intList(o: {
  readonly min: number;
  readonly max: number;
  readonly minItems: number;
  readonly maxItems: number;
  readonly description: string;
}): AttrDescriptor<number[]> {
  return descriptor({
    kind: 'intList',
    description: o.description,
    schema: {
      type: 'array',
      minItems: o.minItems,
      maxItems: o.maxItems,
      items: { type: 'integer', minimum: o.min, maximum: o.max },
      description: o.description,
    },
    check(v) {
      if (!Array.isArray(v)) return { kind: 'type', expected: 'array' };
      if (v.length < o.minItems || v.length > o.maxItems)
        return { kind: 'range', bound: `a list of ${o.minItems}..${o.maxItems} integers` };
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (!isInt(x)) return { kind: 'type', expected: 'integer', item: i };
        const b = bounds(x, o.min, o.max);
        if (b) return { ...b, item: i };
      }
      return undefined;
    },
  });
}

/** The attribute may be left out; with `fallback` the resolved attributes carry that value then. */
function optional<T>(d: AttrDescriptor<T>): OptionalAttr<T, false>;
function optional<T>(d: AttrDescriptor<T>, fallback: T): OptionalAttr<T, true>;
function optional<T>(d: AttrDescriptor<T>, fallback?: T): OptionalAttr<T, boolean> {
  if (fallback !== undefined && d.check(fallback) !== undefined)
    throw new Error(`attr.optional: default ${String(fallback)} fails its own check`);
  if (fallback === undefined) return Object.freeze({ ...d, optional: true as const });
  return Object.freeze({
    ...d,
    optional: true as const,
    default: fallback,
    schema: { ...d.schema, default: fallback },
  });
}

/**
 * The attribute descriptors of defineOp: `attr.int({min, max, description})`, `attr.number`,
 * `attr.bool`, `attr.enum([...])`, `attr.fixedType`, `attr.intList`, and `attr.optional(d, default?)`.
 */
export const attr = Object.freeze({ int, number, bool, enum: oneOf, fixedType, intList, optional });
