import type { LayerEmitter } from '../layer-emitter';
import { layerTemplate } from './layer-template';

/** Flatten of the standard baseline: a copy into the result type (sp_flatten.h). */
export const flattenEmitter: LayerEmitter = {
  op: 'Flatten',
  headers: ['sp_flatten.h'],
  template: layerTemplate('flatten'),
  view: (ctx) => ({ nIn: ctx.input.size }),
};
