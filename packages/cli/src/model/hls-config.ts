/**
 * `convert --hls-config config.yml`: an hls4ml configuration applied to the IR before emitting,
 * with the same reader and rules as `import --hls-config` (@sparsepixels/import): LayerName
 * Precision / ReuseFactor / Strategy / TableSize / ReciprocalBits, Model Precision (for types still
 * 'auto'), ReuseFactor, Strategy, PipelineStyle, Activity, IOType, Part, ClockPeriod. A config that
 * sets Activity makes an older document its migrated version first. Anything it cannot honour is
 * refused in one line; the backends then honour or refuse each build setting.
 */
import type { ModelIR } from '@sparsepixels/ir';
import { applyHlsConfig, currentVersion, readHlsConfig } from '@sparsepixels/import';

export function withHlsConfig(given: ModelIR, file: string): { doc: ModelIR; warnings: string[] } {
  const config = readHlsConfig(file);
  // the activity rule exists from version 2 on: an older document is migrated before it is set (a broken one is left to validation)
  const doc = config.model.activity ? currentVersion(given) : given;
  const applied = applyHlsConfig(doc.layers, config, doc.input.name, false);
  return {
    doc: {
      ...doc,
      ...(applied.activity ? { activity: applied.activity } : {}),
      layers: applied.layers,
      input: applied.inputType ? { ...doc.input, type: applied.inputType } : doc.input,
      build: { ...doc.build, ...applied.build },
    },
    warnings: applied.warnings,
  };
}
