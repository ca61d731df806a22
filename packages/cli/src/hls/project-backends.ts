import { SparsePixelsError } from '@sparsepixels/core';
import { didYouMean, listBackends, type Backend, type EmitOptions } from '@sparsepixels/ir';
import { rtlBackend } from '@sparsepixels/rtl';
import { HLS_BACKENDS } from './hls-backends';

/** What convert reports of an emitted project (an outside backend reports only the first two). */
export interface ConvertResult {
  readonly outDir: string;
  readonly files: readonly string[];
  readonly project?: string;
  readonly eventCount?: number;
  readonly warnings: readonly string[];
}

/** What `convert` needs of a backend: its name, a title for messages, and emit. */
export interface ConvertBackend {
  readonly name: string;
  readonly title: string;
  /** What `csim` does with its projects, for the "next:" hint (none: csim cannot simulate them). */
  readonly next?: string;
  emit(doc: unknown, outDir: string, options: EmitOptions): Promise<ConvertResult>;
}

/**
 * Every backend `convert` offers: the HLS backends and the RTL backend (importing the packages
 * registers them with ir, which is how `csim` and `report` find a project's backend).
 */
export const CONVERT_BACKENDS: readonly ConvertBackend[] = Object.freeze([
  ...HLS_BACKENDS.map(
    (b): ConvertBackend => ({
      name: b.name,
      title: b.profile.title,
      next: 'compile with g++ and compare every output bit with the interpreter',
      emit: (doc, out, o) => b.emit(doc, out, o),
    }),
  ),
  {
    name: rtlBackend.name,
    title: 'RTL (Verilog)',
    next: 'build with Verilator and compare every output bit with the interpreter',
    // it reads whole event sets (allEventValues), as its Verilator test bench does
    emit: (doc, out, o) => rtlBackend.emit(doc, out, o),
  },
]);

/** A backend a --plugin registered: what it emits is its own; csim runs when it has the hook. */
function pluginBackend(b: Backend): ConvertBackend {
  return {
    name: b.name,
    title: `'${b.name}'`,
    ...(b.csim ? { next: `simulate with the '${b.name}' backend and compare every output bit with the interpreter` } : {}),
    emit: async (doc, out, o) => {
      const r = await b.emit(doc as Parameters<Backend['emit']>[0], out, o);
      return { outDir: r.outDir, files: r.files, warnings: [] };
    },
  };
}

/** A backend by name: ours, or one a --plugin registered. */
export function findConvertBackend(name: string): ConvertBackend {
  const own = CONVERT_BACKENDS.find((x) => x.name === name);
  if (own) return own;
  const plugins = listBackends().filter((b) => !CONVERT_BACKENDS.some((c) => c.name === b.name));
  const plugin = plugins.find((b) => b.name === name);
  if (plugin) return pluginBackend(plugin);
  const names = [...CONVERT_BACKENDS.map((x) => x.name), ...plugins.map((b) => b.name)];
  const hint = plugins.length === 0 ? ' (load an outside backend with --plugin <package-or-path>)' : '';
  throw new SparsePixelsError(
    'SP_CLI_USAGE',
    `unknown backend '${name}'; choose one of ${names.join(', ')}${didYouMean(name, names)}${hint}`,
  );
}
