/**
 * `convert --hls-config config.yml`: an hls4ml configuration applied to the IR before emitting,
 * with the same reader and rules as `import --hls-config` (@sparsepixels/import): LayerName
 * Precision / ReuseFactor / Strategy / TableSize, Model Precision (for types still 'auto'),
 * ReuseFactor, Strategy, PipelineStyle, IOType, Part, ClockPeriod. Anything it cannot honour is
 * refused in one line; the backends then honour or refuse each build setting.
 */
import type { ModelIR } from '@sparsepixels/ir';
import { applyHlsConfig, readHlsConfig } from '@sparsepixels/import';

export function withHlsConfig(doc: ModelIR, file: string): { doc: ModelIR; warnings: string[] } {
  const applied = applyHlsConfig(doc.layers, readHlsConfig(file), doc.input.name, false);
  return {
    doc: {
      ...doc,
      layers: applied.layers,
      input: applied.inputType ? { ...doc.input, type: applied.inputType } : doc.input,
      build: { ...doc.build, ...applied.build },
    },
    warnings: applied.warnings,
  };
}
