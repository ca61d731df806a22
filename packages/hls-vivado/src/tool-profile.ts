/**
 * What distinguishes one HLS tool flavour from another. The Vivado profile is the base; the Vitis
 * package spreads it and overrides only the declared differences (hls4ml's VitisBackend(VivadoBackend)).
 */
export interface ToolProfile {
  /** Backend name as registered with ir (`vivado`, `vitis`). */
  readonly name: string;
  /** Human name of the tool (`Vivado HLS`). */
  readonly title: string;
  readonly description: string;
  /** Value of `set backend` in project.tcl. */
  readonly backendTcl: string;
  /** Default clock uncertainty when the IR's build section has none. */
  readonly clockUncertainty: string;
  /** Pragma spellings used by the generated top function. */
  readonly pragmas: PragmaSpellings;
  /** README lines telling how to run the tool. */
  readonly usage: readonly string[];
  /**
   * Template folders, highest priority first: a file or partial is taken from the first folder
   * that has it, so a derived tool ships only the templates that differ.
   */
  readonly templateDirs: readonly string[];
  /** Project files rendered from `templates/project/<template>`. */
  readonly files: readonly ProjectFileSpec[];
}

export interface PragmaSpellings {
  /** Followed by ` variable=<x> complete dim=0`. */
  readonly reshape: string;
  readonly partition: string;
  /** Followed by ` port=<a>,<b>`. */
  readonly interface: string;
  readonly dataflow: string;
  readonly pipeline: string;
  /** Followed by ` port=<x>`: an AXI-stream port (io_stream). */
  readonly stream: string;
}

export interface ProjectFileSpec {
  /** Template path below `project/` (e.g. `firmware/project.cpp.hbs`). */
  readonly template: string;
  /** Output path; `{project}` is replaced by the project name. */
  readonly path: string;
  readonly executable?: boolean;
}
