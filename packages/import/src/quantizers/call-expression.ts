import { importError } from '../import-error';

/** A Python literal as QKeras strings hold them. */
export type PyValue = number | boolean | string | null;

/** `name(1, 2, alpha=1)` parsed: the callee, positional and keyword arguments. */
export interface CallExpression {
  readonly name: string;
  readonly args: readonly PyValue[];
  readonly kwargs: Readonly<Record<string, PyValue>>;
}

function literal(text: string, where: string): PyValue {
  const t = text.trim();
  if (t === 'None') return null;
  if (t === 'True') return true;
  if (t === 'False') return false;
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number(t);
  const q = /^(['"])(.*)\1$/.exec(t);
  if (q) return q[2]!;
  throw importError(where, `cannot read the argument '${t}' (numbers, True/False/None and quoted strings are read)`);
}

/**
 * Parses the string form QKeras stores for QActivation (`"quantized_relu(8,2)"`,
 * `"quantized_bits(8, 2, alpha=1)"`, or a bare name such as `"relu"`).
 */
export function parseCallExpression(text: string, where: string): CallExpression {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?\s*$/s.exec(text);
  if (!m) throw importError(where, `cannot read the activation '${text}'`);
  const args: PyValue[] = [];
  const kwargs: Record<string, PyValue> = {};
  const body = (m[2] ?? '').trim();
  if (body) {
    for (const part of body.split(',')) {
      if (!part.trim()) continue;
      const kv = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/s.exec(part);
      if (kv) kwargs[kv[1]!] = literal(kv[2]!, where);
      else if (Object.keys(kwargs).length) throw importError(where, `positional argument after a keyword in '${text}'`);
      else args.push(literal(part, where));
    }
  }
  return { name: m[1]!, args, kwargs };
}

/** Keyword arguments from positional ones in `order`, merged with the given keywords. */
export function bindArguments(call: CallExpression, order: readonly string[], where: string): Record<string, PyValue> {
  if (call.args.length > order.length)
    throw importError(where, `${call.name} takes at most ${order.length} positional arguments, got ${call.args.length}`);
  const out: Record<string, PyValue> = { ...call.kwargs };
  call.args.forEach((v, i) => (out[order[i]!] = v));
  return out;
}
