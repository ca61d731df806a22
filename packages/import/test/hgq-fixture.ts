/**
 * A Keras 3 `.keras` of an HGQ2-era sparsepixels model: config.json with `__keras_tensor__`
 * inbound nodes, QConv2DSparse {conv_config (HGQ2 QConv2D with kq_conf), use_bias, bq_conf,
 * activation}, QDense with an input quantizer; weights under /layers/<class_snake>/..., quantizer
 * bit widths (k uint8, b/i/f float) in Keras 3's order: trainable variables first.
 */
import { writeKerasZip, type VarToWrite } from '../src/keras/write-keras-file';

const qc = (q_type: string, place: string, round_mode: string, overflow_mode: string) => ({
  module: 'hgq.quantizer.config', class_name: 'QuantizerConfig', registered_name: 'hgq>QuantizerConfig',
  config: { q_type, place, round_mode, overflow_mode, homogeneous_axis: place === 'datalane' ? [0] : [], heterogeneous_axis: null, trainable: true, scaler: null, qnoise_factor: null },
});
const kt = (layer: string, tensor = 0) => ({ class_name: '__keras_tensor__', config: { shape: null, dtype: 'float32', keras_history: [layer, 0, tensor] } });
const layer = (module: string, class_name: string, name: string, config: Record<string, unknown>, args: unknown[]) => ({
  module, class_name, registered_name: class_name, name, config: { name, trainable: true, dtype: 'float32', ...config },
  inbound_nodes: args.length ? [{ args, kwargs: {} }] : [],
});

/** conv kernel 3x3x1x2 raw values; element 17 has its own bit widths (b=5.4 -> 5, i=0.5 -> 0). */
export const HGQ_KERNEL = [0.125, -0.125, 0.3, 3, -3, 0.6, 0.63, -0.37, 1, 0.2, -0.2, 0.45, 0.55, -0.8, 0.9, 1.1, -1.3, 0.7];
export const HGQ_BIAS = [2.0, 0.3];
export const HGQ_DENSE = [0.5, -0.25, 0.3, 0.7, -0.6, 0.11, 0.94, -0.03, 0.2, 0.4, -0.5, 0.05, 0.6, 0.15, -0.35, 0.8];
export const HGQ_DENSE_BIAS = [0.01, -0.2];

/** Variants of the fixture. */
export interface HgqFixtureOptions {
  /**
   * The inner conv's input quantizer (HGQ2's default enable_iq=True): KIF datalane, unsigned,
   * i=2, f=6, with this rounding and WRAP. It quantizes the pixels InputReduce kept. With it the
   * conv also stores its EBOPs state (beta, ebops scalars), as HGQ2 does when enable_ebops.
   */
  readonly convIq?: 'RND' | 'RND_CONV';
  /** The dense kernel quantizer's (round, overflow); default (RND, SAT_SYM). */
  readonly denseKq?: readonly [string, string];
  /** Replaces dense kernel values (index -> raw float). */
  readonly denseValues?: Readonly<Record<number, number>>;
  readonly nMax?: number;
}

export async function hgqSparseKeras(o: HgqFixtureOptions = {}): Promise<Uint8Array> {
  const iq = o.convIq ? { enable_iq: true, enable_ebops: true, iq_conf: qc('kif', 'datalane', o.convIq, 'WRAP') } : { enable_iq: false, enable_ebops: false, iq_conf: null };
  const convConfig = {
    module: 'hgq.layers.conv', class_name: 'QConv2D', registered_name: 'hgq>QConv2D',
    config: { name: 'conv1', filters: 2, kernel_size: [3, 3], strides: [1, 1], padding: 'same', data_format: 'channels_last', dilation_rate: [1, 1], groups: 1, activation: null, use_bias: false, enable_oq: false, ...iq, kq_conf: qc('kbi', 'weight', 'RND', 'SAT_SYM'), oq_conf: null },
  };
  const [dRound, dOverflow] = o.denseKq ?? ['RND', 'SAT_SYM'];
  const config = {
    module: 'keras.src.models.functional', class_name: 'Functional', registered_name: 'Functional',
    config: {
      name: 'hgq_sparse', trainable: true,
      input_layers: [['x_in', 0, 0]], output_layers: [['softmax', 0, 0]],
      layers: [
        { module: 'keras.layers', class_name: 'InputLayer', registered_name: null, name: 'x_in', config: { batch_shape: [null, 8, 8, 1], dtype: 'float32', sparse: false, name: 'x_in' }, inbound_nodes: [] },
        layer('sparsepixels.layers', 'InputReduce', 'input_reduce', { n_max_pixels: o.nMax ?? 5, threshold: 0.1 }, [kt('x_in')]),
        layer('sparsepixels.layers', 'QConv2DSparse', 'conv1', { conv_config: convConfig, use_bias: true, bq_conf: qc('kbi', 'bias', 'RND', 'WRAP'), activation: 'relu' }, [[kt('input_reduce', 0), kt('input_reduce', 1)]]),
        layer('sparsepixels.layers', 'AveragePooling2DSparse', 'pool1', { pool_config: { name: 'pool1', pool_size: [4, 4], strides: [4, 4], padding: 'valid', data_format: 'channels_last' } }, [[kt('conv1'), kt('input_reduce', 1)]]),
        layer('keras.layers', 'Flatten', 'flatten', { data_format: 'channels_last' }, [kt('pool1', 0)]),
        layer('hgq.layers.core.dense', 'QDense', 'dense1', { units: 2, activation: null, use_bias: true, enable_iq: true, enable_oq: false, iq_conf: qc('kif', 'datalane', 'RND', 'WRAP'), kq_conf: qc('kbi', 'weight', dRound, dOverflow), bq_conf: qc('kbi', 'bias', 'RND', 'WRAP') }, [kt('flatten')]),
        layer('keras.layers', 'Activation', 'softmax', { activation: 'softmax' }, [kt('dense1')]),
      ],
    },
  };
  const n = HGQ_KERNEL.length;
  const fill = (len: number, v: number) => new Array<number>(len).fill(v);
  const kb = fill(n, 3); kb[17] = 5.4; kb[1] = 2.5; // 2.5 rounds to 2 (half to even): ap_fixed<3,2>
  const ki = fill(n, 1); ki[17] = 0.5; ki[1] = 1.5; // 1.5 -> 2
  const c = '/layers/q_conv2d_sparse';
  const d = '/layers/q_dense';
  const vars: VarToWrite[] = [
    { path: `${c}/vars/0`, shape: [2], values: HGQ_BIAS },
    // bias (WRAP: b trainable; k, i, i_decay_speed not): b, k, i, ids
    { path: `${c}/_bq/quantizer/vars/0`, shape: [2], values: [4, 4] },
    { path: `${c}/_bq/quantizer/vars/1`, shape: [2], values: [1, 1], dtype: 'uint8' },
    { path: `${c}/_bq/quantizer/vars/2`, shape: [2], values: [1, 1] },
    { path: `${c}/_bq/quantizer/vars/3`, shape: [], values: [0.01] },
    { path: `${c}/conv/vars/0`, shape: [3, 3, 1, 2], values: HGQ_KERNEL },
    ...(o.convIq
      ? [
          // EBOPs state (non-trainable beta, ebops), then the input quantizer (KIF, WRAP: f; k, i, i_decay_speed)
          { path: `${c}/conv/vars/1`, shape: [], values: [1e-5] },
          { path: `${c}/conv/vars/2`, shape: [], values: [1234], dtype: 'uint32' as const },
          { path: `${c}/conv/_iq/quantizer/vars/0`, shape: [1, 8, 8, 1], values: fill(64, 6) },
          { path: `${c}/conv/_iq/quantizer/vars/1`, shape: [1, 8, 8, 1], values: fill(64, 0), dtype: 'uint8' as const },
          { path: `${c}/conv/_iq/quantizer/vars/2`, shape: [1, 8, 8, 1], values: fill(64, 2) },
          { path: `${c}/conv/_iq/quantizer/vars/3`, shape: [], values: [0.01] },
        ]
      : []),
    // kernel (SAT_SYM: b, i trainable, k not): b, i, k
    { path: `${c}/conv/_kq/quantizer/vars/0`, shape: [3, 3, 1, 2], values: kb },
    { path: `${c}/conv/_kq/quantizer/vars/1`, shape: [3, 3, 1, 2], values: ki },
    { path: `${c}/conv/_kq/quantizer/vars/2`, shape: [3, 3, 1, 2], values: fill(n, 1), dtype: 'uint8' },
    { path: `${d}/vars/0`, shape: [8, 2], values: HGQ_DENSE.map((v, j) => o.denseValues?.[j] ?? v) },
    { path: `${d}/vars/1`, shape: [2], values: HGQ_DENSE_BIAS },
    // kernel: b=6, i=2 (k=1): SAT_SYM stores b, i, k; WRAP (i not trainable) b, k, i, i_decay_speed
    ...(dOverflow === 'WRAP'
      ? [
          { path: `${d}/_kq/quantizer/vars/0`, shape: [8, 2], values: fill(16, 6) },
          { path: `${d}/_kq/quantizer/vars/1`, shape: [8, 2], values: fill(16, 1), dtype: 'uint8' as const },
          { path: `${d}/_kq/quantizer/vars/2`, shape: [8, 2], values: fill(16, 2) },
          { path: `${d}/_kq/quantizer/vars/3`, shape: [], values: [Infinity] },
        ]
      : [
          { path: `${d}/_kq/quantizer/vars/0`, shape: [8, 2], values: fill(16, 6) },
          { path: `${d}/_kq/quantizer/vars/1`, shape: [8, 2], values: fill(16, 2) },
          { path: `${d}/_kq/quantizer/vars/2`, shape: [8, 2], values: fill(16, 1), dtype: 'uint8' as const },
        ]),
    { path: `${d}/_bq/quantizer/vars/0`, shape: [2], values: [7, 7] },
    { path: `${d}/_bq/quantizer/vars/1`, shape: [2], values: [1, 1], dtype: 'uint8' },
    { path: `${d}/_bq/quantizer/vars/2`, shape: [2], values: [3, 3] },
    { path: `${d}/_bq/quantizer/vars/3`, shape: [], values: [0.01] },
    // input quantizer (KIF, WRAP: f trainable; k, i, ids not): f, k, i, ids; unsigned, i=2, f=6
    { path: `${d}/_iq/quantizer/vars/0`, shape: [1, 8], values: fill(8, 6) },
    { path: `${d}/_iq/quantizer/vars/1`, shape: [1, 8], values: fill(8, 0), dtype: 'uint8' },
    { path: `${d}/_iq/quantizer/vars/2`, shape: [1, 8], values: fill(8, 2) },
    { path: `${d}/_iq/quantizer/vars/3`, shape: [], values: [0.01] },
  ];
  return writeKerasZip(config, vars, '3.8.0');
}
