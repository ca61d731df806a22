/**
 * Emits a trained model with both HLS backends (Vivado and Vitis), each with the first test events
 * as its test bench, and runs each C simulation: g++ compiles the project and every output bit of
 * every event is compared with the IR interpreter.
 */
import { join } from 'node:path';
import type { ModelIR } from '@sparsepixels/ir';
import { formatCsimReport, vivadoBackend, type CsimResult, type HlsBackend } from '@sparsepixels/hls-vivado';
import { vitisBackend } from '@sparsepixels/hls-vitis';

export const BACKENDS: readonly HlsBackend[] = [vivadoBackend, vitisBackend];

export interface BackendCsim {
  readonly backend: string;
  readonly projectDir: string;
  readonly events: number;
  readonly bitExact: boolean;
  readonly mismatchCount: number;
  /** One line on the first divergence when not bit-exact. */
  readonly firstProblem?: string;
  readonly seconds: number;
}

/** The report's first lines (count, first mismatch or first differing layer), joined. */
function describeProblem(r: CsimResult): string | undefined {
  return r.bitExact ? undefined : formatCsimReport(r).split('\n').slice(0, 3).map((l) => l.trim()).join('; ');
}

async function emitOne(backend: HlsBackend, ir: ModelIR, outDir: string, events: Float32Array): Promise<BackendCsim> {
  const t0 = performance.now();
  const project = await backend.emit(ir, join(outDir, backend.name), { force: true, testInputs: events });
  const r = await backend.csim(project.outDir);
  const problem = describeProblem(r);
  return {
    backend: backend.name,
    projectDir: project.outDir,
    events: r.events,
    bitExact: r.bitExact,
    mismatchCount: r.mismatchCount,
    ...(problem === undefined ? {} : { firstProblem: problem }),
    seconds: (performance.now() - t0) / 1000,
  };
}

/** Both backends at once: the two g++ runs share the machine's cores (hls-vivado limits them). */
export function emitAndCsim(ir: ModelIR, outDir: string, events: Float32Array): Promise<BackendCsim[]> {
  return Promise.all(BACKENDS.map((b) => emitOne(b, ir, outDir, events)));
}
