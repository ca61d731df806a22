/**
 * One module per layer (`<project>_<layer>`): uniform ports (clk, rst, start, the input tensor,
 * the output tensor, done) around the layer's library core with its parameters.
 */
import { SparsePixelsError } from '@sparsepixels/core';
import { featureCount, type CorePorts } from '../layers/layer-emitter';
import { corePortsOf } from '../layers/registry';
import type { TensorDesc } from '../model/adapter';
import { lit, VerilogModule, type Expr } from '../verilog/builder';
import type { Schedule, ScheduledLayer } from './schedule';

/** The tensor a layer's core reads (its IR input, or for a fused Dense the flatten's input). */
export function inputTensor(s: Schedule, l: ScheduledLayer): TensorDesc {
  const i = l.plan.reads;
  return i < 0 ? s.model.input : s.layers[i]!.layer.output;
}

export interface TensorPorts {
  readonly feat: number;
  readonly hash?: number;
  /** Sparse tensors: one validity bit per slot (activity "mask"; kept but unread under "nonzero"). */
  readonly valid?: number;
}

/** Bus widths of a tensor: features (values x width) and, when sparse, hashes (N_MAX x 2 x HB) and validity bits. */
export function tensorPorts(t: TensorDesc, hashBits: number): TensorPorts {
  const feat = featureCount(t) * t.type.width;
  return t.kind === 'sparse' ? { feat, hash: t.nMax * 2 * hashBits, valid: t.nMax } : { feat };
}

function corePorts(l: ScheduledLayer): CorePorts {
  const io = corePortsOf(l.layer, l.plan.core);
  if (!io) throw new SparsePixelsError('SP_RTL_INTERNAL', `no port map for core ${l.plan.core}`);
  return io;
}

/** Whether the layer's module takes its input's validity bits (its core reads them, or it passes them on). */
export function readsValid(s: Schedule, l: ScheduledLayer): boolean {
  const io = corePorts(l);
  return inputTensor(s, l).kind === 'sparse' && (io.xv !== undefined || !io.control);
}

export function wrapperName(s: Schedule, l: ScheduledLayer): string {
  return `${s.model.project}_${l.layer.name}`;
}

/** The layer's module: ports x_feat/x_hash (or x), y_feat/y_hash (or y), start and done. */
export function wrapperModule(s: Schedule, l: ScheduledLayer): VerilogModule {
  const io = corePorts(l);
  const inT = tensorPorts(inputTensor(s, l), s.hashBits);
  const outT = tensorPorts(l.layer.output, s.hashBits);
  const m = new VerilogModule(wrapperName(s, l), [
    `Layer "${l.layer.name}" (${l.layer.op}): ${l.plan.core}, ${l.plan.form}.`,
    `Starts ${l.start} cycles after the input is accepted; output ${l.plan.output === 'prog' ? `beat b at done + b (${s.lanes} slot(s) per beat)` : 'all at done'}.`,
  ]);
  const clk = m.port('input', 'clk', 1);
  const rst = m.port('input', 'rst', 1);
  const start = m.port('input', 'start', 1);
  const x = m.port('input', inT.hash !== undefined ? 'x_feat' : 'x', inT.feat);
  const xh = inT.hash !== undefined ? m.port('input', 'x_hash', inT.hash) : undefined;
  const xv = readsValid(s, l) ? m.port('input', 'x_valid', inT.valid!) : undefined;
  const y = m.port('output', outT.hash !== undefined ? 'y_feat' : 'y', outT.feat);
  const yh = outT.hash !== undefined ? m.port('output', 'y_hash', outT.hash) : undefined;
  const yv = outT.valid !== undefined ? m.port('output', 'y_valid', outT.valid) : undefined;
  const done = m.port('output', 'done', 1);
  const ports: Record<string, Expr | undefined> = io.control ? { clk, rst, start } : { clk };
  ports[io.x] = x;
  if (io.xh) ports[io.xh] = xh;
  // a dense table activation has one row and no validity bits: its x_valid is unread
  if (io.xv) ports[io.xv] = xv ?? lit(1, 0);
  ports[io.y] = y;
  if (io.yh) ports[io.yh] = yh;
  if (io.yv) ports[io.yv] = yv;
  if (io.control) ports['done'] = done;
  m.instance(l.plan.core, 'u_core', l.plan.params, ports);
  if (!io.control) {
    // a stateless activation: done and the hashes follow the data with its latency
    m.instance('sp_pulse_delay', 'u_done', { D: l.plan.latency }, { clk, rst, d: start, q: done });
    if (xh && yh) m.instance('sp_delay', 'u_hash', { W: outT.hash!, D: l.plan.latency }, { clk, d: xh, q: yh });
    if (xv && yv) m.instance('sp_delay', 'u_valid', { W: outT.valid!, D: l.plan.latency }, { clk, d: xv, q: yv });
  }
  return m;
}

