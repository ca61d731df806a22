import { extname } from 'node:path';
import { checkOutputFile, checkOutputFolder, type OutputFileFormat } from '@sparsepixels/ir';

/** What a command's output folder holds (recorded in its marker; --force replaces only the same kind). */
export type OutputKind = 'hls-project' | 'trained-model' | 'report-charts' | 'weight-store';

/**
 * Checks an output folder before any work starts: missing (in an existing parent) or empty is
 * fine; a non-empty folder needs --force and is replaced only if sparsepixels wrote it and it holds
 * nothing else; '/', the home folder, the working folder and its parents, and folders holding an
 * input are refused (checkOutputFolder of @sparsepixels/ir, which also writes the folder).
 */
export function checkOutDir(dir: string, force: boolean, kind: OutputKind, inputFiles: readonly string[] = []): void {
  checkOutputFolder(dir, { kind, force, inputFiles });
}

const startsWith = (head: Uint8Array, magic: readonly number[]) => magic.every((b, i) => head[i] === b);
const isZip = (h: Uint8Array) => startsWith(h, [0x50, 0x4b, 3, 4]) || startsWith(h, [0x50, 0x4b, 5, 6]);
const text = (h: Uint8Array) => new TextDecoder().decode(h);
// the hls4ml config that `export` writes starts with this comment line
const EXPORTED_CONFIG = /^# hls4ml config written by 'sparsepixels export'/;

/** Files the commands write, recognised by their first bytes. */
export const OUTPUT_FORMATS: Readonly<Record<string, OutputFileFormat>> = {
  // a zip archive: a local file header, or the end record of an empty archive
  '.npz': { what: 'an .npz file', looksLike: isZip },
  '.keras': { what: 'a .keras file', looksLike: isZip },
  '.yml': { what: "an hls4ml config written by 'sparsepixels export'", looksLike: (h) => EXPORTED_CONFIG.test(text(h)) },
  '.yaml': { what: "an hls4ml config written by 'sparsepixels export'", looksLike: (h) => EXPORTED_CONFIG.test(text(h)) },
  '.html': { what: "a report written by 'sparsepixels report'", looksLike: (h) => text(h).includes('content="sparsepixels report"') },
  // prune-sweep's --plot: a chart rendered by vega (an SVG document)
  '.svg': { what: 'an SVG chart', looksLike: (h) => /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(text(h)) },
  // \x93NUMPY
  '.npy': { what: 'an .npy file', looksLike: (h) => startsWith(h, [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]) },
  // an IR document as sparsepixels writes it ("format" first); any other JSON is not ours to replace
  '.json': {
    what: 'an IR document written by sparsepixels',
    looksLike: (h) => /^\s*\{\s*"format"\s*:\s*"sparsepixels-ir"/.test(text(h)),
  },
};

/**
 * Checks an output file (a format of OUTPUT_FORMATS, by its extension): its folder must exist; an
 * existing file needs --force, which overwrites only a regular file of that format that is not an
 * input of the command.
 */
export function checkOutFile(file: string, force: boolean, inputFiles: readonly string[] = []): void {
  const format = OUTPUT_FORMATS[extname(file).toLowerCase()];
  if (!format) throw new Error(`checkOutFile: no output format for '${file}'`); // the commands check extensions first
  checkOutputFile(file, { format, force, inputFiles });
}
