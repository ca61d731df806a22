import type { ModelIR } from '@sparsepixels/ir';
import { stringify } from 'yaml';
import { currentVersion, irRead } from '../ir-build/ir-builder';

/**
 * The hls4ml config that goes with an exported `.keras`: what a Keras model cannot hold but the
 * firmware needs, in the keys the importer's `--hls-config` reads (and hls4ml itself uses):
 * the input type (`LayerName.<input>.Precision.result`), every precision the IR declares
 * (result, accum, weight, bias, table; 'auto' included), sigmoid/softmax `TableSize`, and the
 * build hints (ReuseFactor, Strategy, PipelineStyle under Model; IOType, Part, ClockPeriod,
 * ProjectName, ClockUncertainty at the top). Two keys are sparsepixels' own (hls4ml has no such
 * setting): `Model.Activity` (the IR's activity rule) and `LayerName.<pool>.ReciprocalBits` (an
 * average pooling's explicit reciprocal precision). An older document is written as its migrated
 * version, so its implicit constants (v1: 'nonzero', 10-bit reciprocals, 1024-entry tables) are kept.
 */
export function hlsConfigOf(given: ModelIR): Record<string, unknown> {
  const model = currentVersion(given);
  const layerName: Record<string, unknown> = { [model.input.name]: { Precision: { result: model.input.type } } };
  for (const l of model.layers) {
    const entry: Record<string, unknown> = {};
    const p = Object.fromEntries(irRead.precisions(l));
    // weights without a declared type are exact ('auto'); say so, or the importer would declare the quantizer's grid
    if (irRead.weight(l, 'kernel') && p['weight'] === undefined) p['weight'] = 'auto';
    if (irRead.weight(l, 'bias') && p['bias'] === undefined) p['bias'] = 'auto';
    if (Object.keys(p).length) entry['Precision'] = p;
    const table = irRead.tableSize(l);
    if (table !== undefined) entry['TableSize'] = table;
    const reciprocal = irRead.reciprocalBits(l);
    if (reciprocal !== undefined) entry['ReciprocalBits'] = reciprocal;
    if (Object.keys(entry).length) layerName[l.name] = entry;
  }
  const b = model.build ?? {};
  const modelCfg: Record<string, unknown> = {};
  if (b.reuseFactor !== undefined) modelCfg['ReuseFactor'] = b.reuseFactor;
  if (b.strategy) modelCfg['Strategy'] = b.strategy === 'latency' ? 'Latency' : 'Resource';
  if (b.pipelineStyle) modelCfg['PipelineStyle'] = b.pipelineStyle;
  modelCfg['Activity'] = model.activity ?? 'mask';
  const top: Record<string, unknown> = {};
  if (b.ioType) top['IOType'] = b.ioType;
  if (b.part) top['Part'] = b.part;
  if (b.clockPeriod !== undefined) top['ClockPeriod'] = b.clockPeriod;
  if (b.clockUncertainty) top['ClockUncertainty'] = b.clockUncertainty;
  if (b.project) top['ProjectName'] = b.project;
  return { ...top, HLSConfig: { Model: modelCfg, LayerName: layerName } };
}

/** The config as YAML text with a header saying where it came from. */
export function hlsConfigYaml(model: ModelIR, kerasFile: string): string {
  const head =
    `# hls4ml config written by 'sparsepixels export' for ${kerasFile} (model '${model.name}').\n` +
    '# The firmware types Keras cannot hold; read back with: sparsepixels import <file>.keras --hls-config <this file>\n';
  return head + stringify(hlsConfigOf(model), { lineWidth: 0 });
}
