import type { BuiltinEmitter } from '../layer-emitter';
import { layerTemplate } from './layer-template';
import { poolingView } from './pooling-view';

/** AveragePooling2D of the standard baseline: stride P, 'valid' (sp_avg_pool2d.h). */
export const averagePooling2dEmitter: BuiltinEmitter<'AveragePooling2D'> = {
  op: 'AveragePooling2D',
  headers: ['sp_avg_pool2d.h'],
  template: layerTemplate('average-pooling2d'),
  view: (ctx) => poolingView(ctx, true),
};
