/** Names of the files of an RTL project (shared by the emitter, the simulation and the measurement). */
export const IR_FILE = 'model.ir.json';
export const MARKER_FILE = 'rtl-project.json';
export const MARKER_FORMAT = 'sparsepixels-rtl-project';
export const RTL_DIR = 'rtl';
export const LIB_DIR = 'rtl/lib';
export const SIM_DIR = 'sim';
export const TB_INPUT = 'tb_data/tb_input_features.dat';
export const TB_EXPECTED = 'tb_data/tb_output_predictions.dat';
export const TB_RESULTS = 'tb_data/csim_results.log';

/** What rtl-project.json records: the writer, and the design's static figures. */
export interface ProjectMarker {
  readonly format: typeof MARKER_FORMAT;
  readonly version: 1;
  readonly backend: 'rtl';
  readonly project: string;
  readonly model: string;
  readonly lanes: number;
  readonly beats: number;
  readonly ii: number;
  readonly latency: number;
  readonly clockPeriod: number;
  readonly part: string;
  readonly layers: readonly {
    readonly name: string;
    readonly op: string;
    readonly module: string;
    readonly core: string;
    readonly form: string;
    readonly start: number;
    readonly done: number;
    readonly synthesized: boolean;
  }[];
}
