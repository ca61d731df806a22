import type { PreparedModel } from '@sparsepixels/ir';

/** One row of `inspect`: a layer of a prepared model. */
export interface LayerRow {
  readonly name: string;
  readonly op: string;
  /** Logical output shape ([H, W, C] or [n]); `nMax` (slot capacity) for sparse tensors. */
  readonly shape: readonly number[];
  readonly nMax?: number;
  readonly result: string;
  readonly accum?: string;
  readonly weight?: string;
  readonly params: number;
  /** Worst-case multiplications per event (the op registry's count). */
  readonly ops: number;
}

export interface LayerTable {
  readonly input: { readonly name: string; readonly shape: readonly number[]; readonly type: string };
  readonly layers: readonly LayerRow[];
  readonly outputs: readonly string[];
  readonly totals: { readonly params: number; readonly ops: number };
}

/** The layer table of a prepared model (its tensors and attributes), counts from the op registry. */
export function layerTable(prepared: PreparedModel): LayerTable {
  const { model } = prepared;
  const layers = prepared.layers.map(({ layer, op, attrs, inputs, output }): LayerRow => {
    const p = layer.precision ?? {};
    return {
      name: layer.name,
      op: layer.op,
      shape: output.shape,
      ...(output.kind === 'sparse' ? { nMax: output.nMax } : {}),
      result: p.result ?? '',
      ...(p.accum ? { accum: p.accum } : {}),
      ...(p.weight ? { weight: p.weight } : {}),
      params: op.paramCount(layer),
      ops: op.opCount(attrs, inputs),
    };
  });
  return {
    input: { name: model.input.name, shape: model.input.shape, type: model.input.type },
    layers,
    outputs: model.outputs,
    totals: { params: layers.reduce((a, l) => a + l.params, 0), ops: layers.reduce((a, l) => a + l.ops, 0) },
  };
}

/** Plain-text columns, left-aligned, two spaces apart. */
export function formatColumns(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
}

/** The table as text lines (header, one line per layer, totals). */
export function formatLayerTable(t: LayerTable): string[] {
  const shape = (r: Pick<LayerRow, 'shape' | 'nMax'>) =>
    `${r.shape.join('x')}${r.nMax === undefined ? '' : ` (${r.nMax} slots)`}`;
  const rows = [
    ['layer', 'op', 'output', 'result type', 'accum type', 'weight type', 'params', 'ops/event'],
    [t.input.name, 'input', t.input.shape.join('x'), t.input.type, '-', '-', '0', '0'],
    ...t.layers.map((l) => [
      l.name,
      l.op,
      shape(l),
      l.result,
      l.accum ?? '-',
      l.weight ?? '-',
      String(l.params),
      String(l.ops),
    ]),
    ['total', '', '', '', '', '', String(t.totals.params), String(t.totals.ops)],
  ];
  return formatColumns(rows);
}
