import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { qkerasSparseKeras } from '../../test/qkeras-fixture';
import { importModel } from '../import-model';
import { writeKerasZip } from '../keras/write-keras-file';
import { parseHlsConfig } from './read-hls-config';

const dir = mkdtempSync(join(tmpdir(), 'sp-hls-'));
let qkeras = '';
let plain = '';

/** A plain (unquantized) Keras model: Dense(2) on a 4-vector, softmax. */
async function plainDenseKeras(): Promise<Uint8Array> {
  const layer = (class_name: string, name: string, config: object, inbound: string[]) => ({
    module: 'keras.layers', class_name, registered_name: null, name, config: { name, trainable: true, dtype: 'float32', ...config },
    inbound_nodes: inbound.length ? [inbound.map((l) => [l, 0, 0, {}])] : [],
  });
  const config = {
    class_name: 'Functional',
    config: {
      name: 'plain', input_layers: [['x', 0, 0]], output_layers: [['softmax', 0, 0]],
      layers: [
        { class_name: 'InputLayer', name: 'x', config: { batch_input_shape: [null, 4], name: 'x' }, inbound_nodes: [] },
        layer('Dense', 'dense', { units: 2, activation: 'linear', use_bias: true }, ['x']),
        layer('Activation', 'softmax', { activation: 'softmax' }, ['dense']),
      ],
    },
  };
  return writeKerasZip(config, [
    { path: '/_layer_checkpoint_dependencies/dense/vars/0', shape: [4, 2], values: [0.3, -0.3, 3, -3, 0.03125, 0.09375, 1.1, -0.7] },
    { path: '/_layer_checkpoint_dependencies/dense/vars/1', shape: [2], values: [0.3, -0.3] },
  ], '2.14.0');
}

beforeAll(async () => {
  qkeras = join(dir, 'q.keras');
  writeFileSync(qkeras, await qkerasSparseKeras());
  plain = join(dir, 'plain.keras');
  writeFileSync(plain, await plainDenseKeras());
});

const YAML = `
Backend: Vitis
OutputDir: my-prj
ProjectName: trigger
Part: xcvu13p-flga2577-2-e
ClockPeriod: 3.125
IOType: io_stream
HLSConfig:
  Model:
    Precision: fixed<16,6>
    ReuseFactor: 4
    Strategy: Resource
  LayerName:
    x_in:
      Precision:
        result: ufixed<10,2>
    conv1:
      Precision:
        accum: fixed<24,10,RND,SAT>
        result: fixed<18,8>
    softmax:
      Precision:
        table: fixed<18,8>
      TableSize: 4096
      ReuseFactor: 4
`;

/** The same config as JSON (hls4ml writes either). */
const JSON_TEXT = JSON.stringify({
  Backend: 'Vitis', OutputDir: 'my-prj', ProjectName: 'trigger', Part: 'xcvu13p-flga2577-2-e', ClockPeriod: 3.125, IOType: 'io_stream',
  HLSConfig: {
    Model: { Precision: 'fixed<16,6>', ReuseFactor: 4, Strategy: 'Resource' },
    LayerName: {
      x_in: { Precision: { result: 'ufixed<10,2>' } },
      conv1: { Precision: { accum: 'fixed<24,10,RND,SAT>', result: 'fixed<18,8>' } },
      softmax: { Precision: { table: 'fixed<18,8>' }, TableSize: 4096, ReuseFactor: 4 },
    },
  },
});

describe('hls4ml configs (YAML and JSON) applied on an import', () => {
  it('YAML and JSON parse to the same settings; file and writer keys are named as ignored', () => {
    const y = parseHlsConfig(YAML, 'c.yml');
    const j = parseHlsConfig(JSON_TEXT, 'c.json');
    expect({ ...j, source: 'x' }).toEqual({ ...y, source: 'x' });
    expect(y.ignored).toEqual(['Backend', 'OutputDir']);
    expect(y.top).toEqual({ ioType: 'io_stream', part: 'xcvu13p-flga2577-2-e', clockPeriod: 3.125, project: 'trigger' });
  });

  for (const [kind, text] of [['YAML', YAML], ['JSON', JSON_TEXT]] as const)
    it(`${kind}: Model and LayerName precisions, ReuseFactor, Strategy, IOType, TableSize`, async () => {
      const file = join(dir, kind === 'YAML' ? 'hls.yml' : 'hls.json');
      writeFileSync(file, text);
      const r = await importModel(qkeras, { hlsConfig: file });
      const m = r.model;
      expect(r.inputTypeSource).toBe('hls-config');
      expect(m.input.type).toBe('ap_ufixed<10,2>'); // LayerName.x_in wins over the Model default
      expect(m.build).toEqual({ reuseFactor: 4, strategy: 'resource', ioType: 'io_stream', part: 'xcvu13p-flga2577-2-e', clockPeriod: 3.125, project: 'trigger' });
      const byName = Object.fromEntries(m.layers.map((l) => [l.name, l]));
      // LayerName precisions as given; the QKeras weight types stay (they are what the weights were quantized to)
      expect(byName['conv1']!.precision).toEqual({ weight: 'ap_fixed<8,3>', bias: 'ap_fixed<8,3>', accum: 'ap_fixed<24,10,AP_RND,AP_SAT>', result: 'ap_fixed<18,8>' });
      // the Model precision fills what is still 'auto' (as hls4ml's default type), not what the model's quantizers fixed
      expect(byName['dense1']!.precision).toEqual({ weight: 'ap_fixed<8,3>', bias: 'ap_fixed<8,3>', accum: 'ap_fixed<16,6>', result: 'ap_fixed<16,6>' });
      expect(byName['relu1']!.precision).toEqual({ result: 'ap_ufixed<8,2,AP_RND_CONV,AP_SAT>', accum: 'ap_fixed<16,6>' });
      expect(byName['softmax']!.precision).toEqual({ table: 'ap_fixed<18,8>', result: 'ap_fixed<16,6>', accum: 'ap_fixed<16,6>' });
      expect(byName['softmax']!.attrs).toEqual({ activation: 'softmax', tableSize: 4096 });
      expect(byName['input_reduce']!.precision).toBeUndefined();
      expect(r.warnings[0]).toMatch(/hls\.(yml|json): ignored \(file and writer settings\): Backend, OutputDir/);
    });

  it('types float weights with the config\'s weight/bias precision, cast with that type\'s own modes (hand-computed)', async () => {
    const c = parseHlsConfig('Model: {Precision: "fixed<16,6>"}\nLayerName: {dense: {Precision: {weight: "fixed<6,2,RND,SAT>", bias: "fixed<6,2>"}}}', 'p.yml');
    const r = await importModel(plain, { hlsConfig: c });
    const dense = r.model.layers[0]!;
    // step 1/16: 0.3 -> 4.8 -> 5 (RND); 3 -> saturates at 31/16; 0.03125 = 0.5 step -> 1 (half up); 0.09375 -> 2; 1.1 -> 17.6 -> 18; -0.7 -> -11.2 -> -11
    expect(dense.weights!['kernel']!.values).toEqual([0.3125, -0.3125, 1.9375, -2, 0.0625, 0.125, 1.125, -0.6875]);
    expect(dense.weights!['bias']!.values).toEqual([0.25, -0.3125]); // TRN: 4.8 -> 4, -4.8 -> -5
    expect(r.model.input.type).toBe('ap_fixed<16,6>');
    await expect(importModel(plain)).rejects.toThrow(/^layer "dense" \(Dense\): the kernel is unquantized float; give its precision with --hls-config/);
  });

  it('keeps per-layer ReuseFactor and Strategy as that layer\'s build settings (the IR has per-layer build overrides)', async () => {
    const c = parseHlsConfig('Model: {ReuseFactor: 2, Strategy: Latency}\nLayerName: {conv1: {ReuseFactor: 4}, dense1: {Strategy: Resource}}', 'c.yml');
    const r = await importModel(qkeras, { hlsConfig: c, inputType: 'ap_ufixed<8,1>' });
    const byName = Object.fromEntries(r.model.layers.map((l) => [l.name, l]));
    expect(r.model.build).toMatchObject({ reuseFactor: 2, strategy: 'latency' });
    expect(byName['conv1']!.build).toEqual({ reuseFactor: 4 });
    expect(byName['dense1']!.build).toEqual({ strategy: 'resource' });
  });

  it("sets the activity rule (Model.Activity) and an average pooling's reciprocal precision (ReciprocalBits)", async () => {
    const c = parseHlsConfig('Model: {Activity: nonzero}\nLayerName: {pool1: {ReciprocalBits: 12}}', 'c.yml');
    const r = await importModel(qkeras, { hlsConfig: c, inputType: 'ap_ufixed<8,1>' });
    expect(r.model.activity).toBe('nonzero');
    expect(r.model.layers.find((l) => l.name === 'pool1')!.attrs).toEqual({ poolSize: 4, mode: 'avg', reciprocalBits: 12 });
    // without them: Keras semantics and an inferred reciprocal
    const plainImport = await importModel(qkeras, { inputType: 'ap_ufixed<8,1>' });
    expect(plainImport.model.activity).toBe('mask');
    expect(plainImport.model.layers.find((l) => l.name === 'pool1')!.attrs).toEqual({ poolSize: 4, mode: 'avg' });
  });

  const refusals: [string, string, RegExp][] = [
    ['an unknown strategy', 'Model: {Strategy: Fast}', /^c\.yml: Model\.Strategy: 'Fast' is not supported \(Latency, Resource\)$/],
    ['an unknown IOType', 'IOType: io_serial', /IOType: 'io_serial' is not supported \(io_parallel, io_stream\)/],
    ['a layer the model does not have', 'LayerName: {conv_1: {Precision: {result: "fixed<8,3>"}}}', /LayerName\.conv_1: no layer "conv_1" in the model; did you mean 'conv1'\?$/],
    ['a precision the op has not', 'LayerName: {flatten: {Precision: {accum: "fixed<8,3>"}}}', /LayerName\.flatten\.Precision\.accum: layer "flatten" \(SparseFlatten\) has no 'accum' precision \(it has result\)/],
    ['a weight type that would change the trained weights', 'LayerName: {dense2: {Precision: {weight: "fixed<4,1>"}}}', /Precision\.weight: weight value 1 of layer "dense2" is not exactly representable in ap_fixed<4,1>; the config would change the trained weights$/],
    ['LayerType', 'LayerType: {Dense: {ReuseFactor: 2}}', /LayerType is not supported; give per-layer settings under LayerName/],
    ['an unknown key', 'HLSConfig: {Model: {}, Optimizers: []}', /HLSConfig\.Optimizers: is not supported \(Model, LayerName\)/],
    ['weights in BRAM', 'Model: {BramFactor: 100}', /BramFactor: weights in BRAM are not supported/],
    ['a table size on a layer without a table', 'LayerName: {relu1: {TableSize: 512}}', /LayerName\.relu1\.TableSize: layer "relu1" has no table/],
    ['a malformed type', 'LayerName: {conv1: {Precision: {result: fixed<8>}}}', /LayerName\.conv1\.Precision\.result: 'fixed<8>' is not a fixed-point type/],
    ['a non-positive reuse factor', 'Model: {ReuseFactor: 0}', /Model\.ReuseFactor: must be a positive integer/],
    ['invalid YAML', 'Model: [unclosed', /^c\.yml: is not valid YAML\/JSON/],
    ['an unknown activity rule', 'Model: {Activity: Mask}', /^c\.yml: Model\.Activity: 'Mask' is not supported \(mask, nonzero\)$/],
    ['ReciprocalBits on a layer that is not an average pooling', 'LayerName: {conv1: {ReciprocalBits: 10}}', /LayerName\.conv1\.ReciprocalBits: layer "conv1" \(SparseConv2D\) is not an average pooling$/],
    ['ReciprocalBits out of range', 'LayerName: {pool1: {ReciprocalBits: 33}}', /LayerName\.pool1\.ReciprocalBits: must be an integer from 0 to 32$/],
    ['ReciprocalBits under Model', 'Model: {ReciprocalBits: 10}', /Model\.ReciprocalBits: is not supported/],
  ];
  for (const [what, text, re] of refusals)
    it(`refuses ${what} in one line naming the place`, async () => {
      await expect((async () => importModel(qkeras, { hlsConfig: parseHlsConfig(text, 'c.yml'), inputType: 'ap_ufixed<8,1>' }))()).rejects.toThrow(re);
    });
});
