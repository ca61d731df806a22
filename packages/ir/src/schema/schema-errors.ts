import type { ErrorObject } from 'ajv/dist/2020.js';
import { DIAGNOSTICS, type Diagnostic } from '../diagnostics';
import { didYouMean } from '../util/did-you-mean';
import { jsonTypeOf } from '../util/json-type';
import { ATTRS_KEYWORD } from './compose-schema';


/** What a JSON pointer points at, in words: `attrs of layer "conv1"`, `layers[2]`, `the document`. */
export function describePointer(doc: unknown, pointer: string): string {
  if (pointer === '') return 'the document';
  const parts = pointer.split('/').slice(1);
  const m = /^\/layers\/(\d+)(\/.*)?$/.exec(pointer);
  if (m) {
    const layers = (doc as { layers?: unknown }).layers;
    const layer = Array.isArray(layers) ? (layers[Number(m[1])] as { name?: unknown; op?: unknown }) : undefined;
    const named =
      layer && typeof layer.name === 'string'
        ? `layer "${layer.name}"${typeof layer.op === 'string' ? ` (${layer.op})` : ''}`
        : `layers[${m[1]}]`;
    const rest = (m[2] ?? '').split('/').slice(1).map(unescape);
    return rest.length === 0 ? named : `${rest.join('.')} of ${named}`;
  }
  return parts.map(unescape).join('.');
}

function unescape(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

function parentKeys(e: ErrorObject): string[] {
  const parent = e.parentSchema as { properties?: Record<string, unknown> } | undefined;
  return parent?.properties ? Object.keys(parent.properties) : [];
}

/** One Ajv error as a catalogued diagnostic (null for noise such as failed `if` wrappers). */
function toDiagnostic(doc: unknown, e: ErrorObject): Diagnostic | null {
  const where = e.instancePath;
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'if':
      return null;
    case ATTRS_KEYWORD:
      return p['diagnostic'] as Diagnostic;
    case 'required':
      return DIAGNOSTICS.missingProperty.at(where, String(p['missingProperty']), describePointer(doc, where));
    case 'additionalProperties': {
      const prop = String(p['additionalProperty']);
      const hint = didYouMean(prop, parentKeys(e));
      return DIAGNOSTICS.unknownProperty.at(`${where}/${prop}`, prop, describePointer(doc, where), hint);
    }
    case 'enum': {
      const allowed = (p['allowedValues'] as unknown[]).map(String);
      if (/^\/layers\/\d+\/op$/.test(where)) {
        return DIAGNOSTICS.unknownOp.at(where, e.data, didYouMean(String(e.data), allowed));
      }
      const hint = typeof e.data === 'string' ? didYouMean(e.data, allowed) : '';
      return DIAGNOSTICS.badEnum.at(where, e.data, allowed.map((a) => `'${a}'`).join(', '), hint);
    }
    case 'type':
      return DIAGNOSTICS.wrongType.at(where, articled(String(p['type'])), jsonTypeOf(e.data));
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return DIAGNOSTICS.outOfBounds.at(where, e.data, `${String(p['comparison'])} ${String(p['limit'])}`);
    case 'pattern': {
      // every pattern in the schema has a `title` saying what is allowed (e.g. the FPGA part name)
      const title = (e.parentSchema as { title?: unknown } | undefined)?.title;
      return DIAGNOSTICS.schema.at(where, `${JSON.stringify(e.data)} is not ${typeof title === 'string' ? title : `matching ${String(p['pattern'])}`}`);
    }
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'maxLength': {
      const unit = e.keyword.endsWith('Items') ? 'item' : 'character';
      const limit = Number(p['limit']);
      const bound = e.keyword.startsWith('min') ? 'at least' : 'at most';
      return DIAGNOSTICS.schema.at(where, `must have ${bound} ${limit} ${unit}${limit === 1 ? '' : 's'}`);
    }
    case 'const':
      return DIAGNOSTICS.schema.at(where, `must be ${JSON.stringify(p['allowedValue'])}, got ${JSON.stringify(e.data)}`);
    default:
      return DIAGNOSTICS.schema.at(where, `${describePointer(doc, where)} ${e.message ?? 'is invalid'}`);
  }
}

function articled(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** Ajv's errors as diagnostics, without duplicates, in document order of discovery. */
export function schemaDiagnostics(doc: unknown, errors: readonly ErrorObject[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of errors) {
    const d = toDiagnostic(doc, e);
    if (!d) continue;
    const key = `${d.where}\u0000${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}
