import { importError } from '../../import-error';
import { irLayers } from '../../ir-build/ir-builder';
import type { LayerConverter } from '../convert-context';
import { oneInput } from '../layer-checks';

/**
 * InputReduce(n_max_pixels, threshold): keeps the first n_max_pixels pixels (raster order) whose
 * channel 0 is > threshold. threshold None means != 0, which equals > 0 only for non-negative
 * inputs: the importer checks that against the input type at the end.
 */
export const inputReduceConverter: LayerConverter = {
  classNames: ['InputReduce'],
  convert(ctx) {
    const x = oneInput(ctx, ['dense'], 3);
    const cfg = ctx.layer.config;
    const n = cfg['n_max_pixels'];
    if (!Number.isInteger(n) || (n as number) < 1) throw importError(ctx.where, `n_max_pixels=${JSON.stringify(n)} is not a positive integer`);
    const t = cfg['threshold'];
    if (t !== null && t !== undefined && (typeof t !== 'number' || !Number.isFinite(t)))
      throw importError(ctx.where, `threshold=${JSON.stringify(t)} is not a number`);
    const l = irLayers.inputReduce(ctx.name(), x.ir, n as number, typeof t === 'number' ? t : 0);
    const maskId = `${ctx.layer.name}:mask`;
    const y = ctx.emit(l, 'sparse', x.shape, maskId);
    if (t === null || t === undefined) ctx.warn(`${ctx.where}: threshold None (x != 0) is read as threshold 0 (x > 0); equal for non-negative inputs`);
    return [y, { kind: 'mask', ir: y.ir, shape: [x.shape[0]!, x.shape[1]!, 1], maskId }];
  },
};
