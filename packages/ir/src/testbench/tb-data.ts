import { fracBits, SparsePixelsError } from '@sparsepixels/core';
import { rawToExactDecimal } from './exact-decimal';
import type { OutputSpec } from './parse-results';

/**
 * tb_input_features.dat: one event per line, its values space-separated in the shortest form that
 * parses back (strtod / Number) to exactly the same double, so the test bench and the interpreter
 * start from identical inputs.
 */
export function formatInputEvents(events: ArrayLike<number>, eventSize: number): string {
  if (eventSize <= 0 || events.length % eventSize !== 0) {
    throw new SparsePixelsError(
      'SP_CSIM_EVENTS',
      `${events.length} input values are not a whole number of events of ${eventSize} values`,
    );
  }
  const lines: string[] = [];
  for (let e = 0; e < events.length; e += eventSize) {
    const parts: string[] = [];
    for (let k = 0; k < eventSize; k++) {
      const v = events[e + k]!;
      if (!Number.isFinite(v)) {
        throw new SparsePixelsError(
          'SP_CSIM_EVENTS',
          `input value ${v} is not a finite number`,
          `event ${e / eventSize}`,
        );
      }
      parts.push(String(v));
    }
    lines.push(parts.join(' '));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Parses tb_input_features.dat back into one flat array (eventSize values per line). */
export function parseInputEvents(text: string, eventSize: number, file: string): Float64Array {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const out = new Float64Array(lines.length * eventSize);
  lines.forEach((line, e) => {
    const tokens = line.trim().split(/\s+/);
    if (tokens.length !== eventSize) {
      throw new SparsePixelsError(
        'SP_CSIM_EVENTS',
        `line has ${tokens.length} values, expected ${eventSize}`,
        `${file}:${e + 1}`,
      );
    }
    tokens.forEach((t, k) => {
      const v = Number(t);
      if (!Number.isFinite(v))
        throw new SparsePixelsError('SP_CSIM_EVENTS', `"${t}" is not a number`, `${file}:${e + 1}`);
      out[e * eventSize + k] = v;
    });
  });
  return out;
}

/** Output lines in the test bench's format: every output's values as exact decimals. */
export function formatOutputs(
  raws: readonly (readonly (readonly bigint[])[])[],
  outputs: readonly OutputSpec[],
): string {
  const lines = raws.map((event) =>
    event
      .map((values, o) => values.map((r) => rawToExactDecimal(r, fracBits(outputs[o]!.type))).join(' '))
      .join(' '),
  );
  return lines.length ? `${lines.join('\n')}\n` : '';
}
