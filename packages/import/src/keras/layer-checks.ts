import { importError } from '../import-error';
import type { ConvertContext, GraphTensor } from './convert-context';

type Cfg = Readonly<Record<string, unknown>>;

/** A square size from `k`, `[k, k]` or `(k, k)`; refuses rectangles. */
export function squareSize(cfg: Cfg, key: string, where: string): number {
  const v = cfg[key];
  const list = Array.isArray(v) ? v : [v, v];
  if (list.length !== 2 || list[0] !== list[1] || !Number.isInteger(list[0]))
    throw importError(where, `${key}=${JSON.stringify(v)} is not supported (square sizes only)`);
  return list[0] as number;
}

/** Refuses a config value other than the accepted ones. */
export function expectValue(cfg: Cfg, key: string, accepted: readonly unknown[], where: string, what?: string): void {
  const v = cfg[key];
  if (v === undefined) return;
  if (!accepted.some((a) => JSON.stringify(a) === JSON.stringify(v)))
    throw importError(where, `${key}=${JSON.stringify(v)} is not supported${what ? ` (${what})` : ''}`);
}

/** Common geometry of a convolution: square odd kernel, stride 1, 'same', no dilation, one group, channels last. */
export function convGeometry(cfg: Cfg, where: string): { kernelSize: number; filters: number } {
  const kernelSize = squareSize(cfg, 'kernel_size', where);
  if (kernelSize % 2 === 0) throw importError(where, `kernel_size ${kernelSize} is even (odd kernels only)`);
  expectValue(cfg, 'strides', [[1, 1], 1], where, 'stride 1 only');
  expectValue(cfg, 'padding', ['same'], where, "'same' padding only");
  expectValue(cfg, 'dilation_rate', [[1, 1], 1], where, 'no dilation');
  expectValue(cfg, 'groups', [1], where, 'one group');
  expectValue(cfg, 'data_format', ['channels_last', null], where, 'channels_last only');
  const filters = cfg['filters'];
  if (!Number.isInteger(filters)) throw importError(where, 'filters is missing');
  return { kernelSize, filters: filters as number };
}

/** Pooling geometry: square pool, stride = pool size, 'valid', channels last. */
export function poolGeometry(cfg: Cfg, where: string): number {
  const p = squareSize(cfg, 'pool_size', where);
  const s = cfg['strides'];
  if (s !== null && s !== undefined && squareSize(cfg, 'strides', where) !== p)
    throw importError(where, `strides ${JSON.stringify(s)} differ from pool_size ${p} (stride = pool size only)`);
  expectValue(cfg, 'padding', ['valid'], where, "'valid' padding only");
  expectValue(cfg, 'data_format', ['channels_last', null], where, 'channels_last only');
  return p;
}

/** The one image input of a layer, of the kind wanted. */
export function oneInput(ctx: ConvertContext, kinds: readonly GraphTensor['kind'][], rank?: number): GraphTensor {
  const x = ctx.inputs[0];
  if (!x || !kinds.includes(x.kind))
    throw importError(ctx.where, `expects a ${kinds.join(' or ')} input, got ${x ? x.kind : 'none'}`);
  if (rank !== undefined && x.shape.length !== rank)
    throw importError(ctx.where, `expects a rank-${rank} input, got shape [${x.shape.join(', ')}]`);
  return x;
}

/** Sparse layers read [x, mask]: x must be sparse and the mask the one of x's lineage. */
export function sparsePair(ctx: ConvertContext): GraphTensor {
  const [x, mask] = ctx.inputs;
  if (!x || x.kind !== 'sparse') throw importError(ctx.where, 'expects the sparse features of InputReduce (or a sparse layer) as its first input');
  if (!mask || mask.kind !== 'mask') throw importError(ctx.where, 'expects the keep-mask of InputReduce (or of a sparse pooling) as its second input');
  if (mask.maskId !== x.maskId)
    throw importError(ctx.where, 'its keep-mask is not the one that goes with its features (masks from different InputReduce/pooling stages are not supported)');
  return x;
}

/** A Keras activation name as the IR's, or undefined for none/linear. */
export function activationName(v: unknown, where: string): string | undefined {
  const name = typeof v === 'string' ? v : v && typeof v === 'object' ? String((v as { config?: { name?: unknown }; class_name?: unknown }).class_name) : undefined;
  if (name === undefined || name === 'linear' || name === 'None') return undefined;
  if (['relu', 'sigmoid', 'softmax'].includes(name)) return name;
  throw importError(where, `activation '${name}' is not supported (relu, sigmoid, softmax, linear)`);
}
