import { SparsePixelsError } from '@sparsepixels/core';
import { DIAGNOSTICS, type Diagnostic } from '../diagnostics';
import { didYouMean } from '../util/did-you-mean';
import { jsonTypeOf } from '../util/json-type';
import type { AttrProblem, JsonSchema } from './attr-descriptors';
import type { AnyAttrs, AttrSpecs, AttrsOfOp, OpDef } from './op-def';

/** Whose attributes are checked and where they sit, for the wording of problems. */
export interface AttrsOwner {
  /** JSON pointer of the attrs object (`/layers/3/attrs`); '' for a layer's constructor arguments. */
  readonly where: string;
  /** The layer's name, for rule messages (`layer "conv1": kernelSize 4 must be odd`). */
  readonly layer: string;
  /** The object in words (`attrs of layer "pool" (SparsePooling2D)`). */
  readonly describe: string;
}

/** One problem of a layer's attributes. */
export interface AttrIssue {
  /** 'schema': what the JSON Schema states (types, bounds, names); 'rule': semantic rules (odd, power of two). */
  readonly stage: 'schema' | 'rule';
  readonly diagnostic: Diagnostic;
  /** The attribute the problem is about, when it is one value. */
  readonly key?: string;
}

/** The JSON Schema of an op's `attrs`: its descriptors' schemas, no unknown keys. */
export function attrsSchemaOf(specs: AttrSpecs): JsonSchema {
  const keys = Object.keys(specs);
  return {
    type: 'object',
    properties: Object.fromEntries(keys.map((k) => [k, specs[k]!.schema])),
    required: keys.filter((k) => !specs[k]!.optional),
    additionalProperties: false,
  };
}

const articled = (s: string) => (/^[aeiou]/.test(s) ? `an ${s}` : `a ${s}`);

function valueIssue(p: AttrProblem, attrKey: string, attrValue: unknown, owner: AttrsOwner): AttrIssue {
  // a problem of one item of a list attribute is located at that item
  const item = (p.kind === 'type' || p.kind === 'range') && p.item !== undefined ? p.item : undefined;
  const key = item === undefined ? attrKey : `${attrKey}[${item}]`;
  const where = item === undefined ? `${owner.where}/${attrKey}` : `${owner.where}/${attrKey}/${item}`;
  const value = item === undefined ? attrValue : (attrValue as unknown[])[item];
  switch (p.kind) {
    case 'type': {
      const got = typeof value === 'number' && !Number.isFinite(value) ? String(value) : jsonTypeOf(value);
      return { stage: 'schema', key, diagnostic: DIAGNOSTICS.wrongType.at(where, articled(p.expected), got) };
    }
    case 'range':
      return { stage: 'schema', key, diagnostic: DIAGNOSTICS.outOfBounds.at(where, value, p.bound) };
    case 'enum': {
      const hint = typeof value === 'string' ? didYouMean(value, p.allowed) : '';
      return {
        stage: 'schema',
        key,
        diagnostic: DIAGNOSTICS.badEnum.at(where, value, p.allowed.map((a) => `'${a}'`).join(', '), hint),
      };
    }
    case 'type-string':
      return { stage: 'schema', key, diagnostic: DIAGNOSTICS.badTypeString.at(where, p.detail) };
    case 'rule': {
      const n = value as number;
      const d =
        p.rule === 'odd'
          ? DIAGNOSTICS.notOdd.at(where, owner.layer, key, n)
          : DIAGNOSTICS.notPowerOfTwo.at(where, owner.layer, key, n, p.min, p.max);
      return { stage: 'rule', diagnostic: d };
    }
  }
}

/**
 * Every problem of an op's attributes, from its declaration: missing required ones, unknown names
 * (with the nearest declared name), then each value's type, range, allowed values and rules. IR
 * validation reports these (schema stage and check-attrs pass); the trainable layers' constructors
 * throw the first (assertAttrs), so both word a problem alike.
 */
export function checkAttrs(op: Pick<OpDef, 'attrs'>, attrs: unknown, owner: AttrsOwner): AttrIssue[] {
  if (typeof attrs !== 'object' || attrs === null || Array.isArray(attrs)) {
    return [
      { stage: 'schema', diagnostic: DIAGNOSTICS.wrongType.at(owner.where, 'an object', jsonTypeOf(attrs)) },
    ];
  }
  const given = attrs as AnyAttrs;
  const specs = op.attrs;
  const declared = Object.keys(specs);
  const issues: AttrIssue[] = [];
  for (const key of declared) {
    if (!specs[key]!.optional && given[key] === undefined) {
      issues.push({
        stage: 'schema',
        diagnostic: DIAGNOSTICS.missingProperty.at(owner.where, key, owner.describe),
      });
    }
  }
  for (const key of Object.keys(given)) {
    if (Object.hasOwn(specs, key) || given[key] === undefined) continue;
    issues.push({
      stage: 'schema',
      diagnostic: DIAGNOSTICS.unknownProperty.at(
        `${owner.where}/${key}`,
        key,
        owner.describe,
        didYouMean(key, declared),
      ),
    });
  }
  for (const key of declared) {
    const value = given[key];
    if (value === undefined) continue;
    const p = specs[key]!.check(value);
    if (p) issues.push(valueIssue(p, key, value, owner));
  }
  return issues;
}

/** The attributes with every declared default filled in (for a validated layer). */
export function resolveAttrs<D extends Pick<OpDef, 'attrs'>>(op: D, attrs: unknown): AttrsOfOp<D> {
  const given = (attrs ?? {}) as AnyAttrs;
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(op.attrs)) {
    const v = given[key] ?? spec.default;
    if (v !== undefined) out[key] = v;
  }
  return Object.freeze(out) as AttrsOfOp<D>;
}

/** `attrs of layer "pool" (SparsePooling2D)`. */
export function attrsOwnerOf(layer: string, op: string, where = ''): AttrsOwner {
  return { where, layer, describe: `attrs of layer "${layer}" (${op})` };
}

/**
 * Checks attributes given in TypeScript (a trainable layer's constructor arguments) against the
 * op's declaration and returns them resolved. The first problem throws with the words IR
 * validation uses for the same attribute in a document (`layer "r": nMax 0 is out of range: must
 * be >= 1`).
 */
export function assertAttrs<D extends OpDef>(
  op: D,
  attrs: { readonly [key: string]: unknown },
  layer: string,
): AttrsOfOp<D> {
  const defined = Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined));
  const first = checkAttrs(op, defined, attrsOwnerOf(layer, op.type))[0];
  if (first) {
    const d = first.diagnostic;
    // value problems are worded for a JSON pointer that names the key; here the key leads the message
    if (first.key !== undefined)
      throw new SparsePixelsError(d.code, `${first.key} ${d.message}`, `layer "${layer}"`);
    throw new SparsePixelsError(d.code, d.message);
  }
  return resolveAttrs(op, defined);
}
