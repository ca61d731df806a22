import type { BuiltinEmitter } from '../layer-emitter';
import { layerTemplate } from './layer-template';

/** Flatten of the standard baseline: a copy into the result type (sp_flatten.h). */
export const flattenEmitter: BuiltinEmitter<'Flatten'> = {
  op: 'Flatten',
  headers: ['sp_flatten.h'],
  template: layerTemplate('flatten'),
  view: (ctx) => ({ nIn: ctx.input.size }),
};
