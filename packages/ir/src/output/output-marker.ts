import { createHash } from 'node:crypto';
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, readSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The file every output folder of sparsepixels holds: which tool, kind and version wrote the
 * folder, and every file it wrote with its size and SHA-256. `force` replaces only folders whose
 * content is exactly what their marker lists (docs: packages/ir/README.md, "Output folders").
 */
export const OUTPUT_MARKER_FILE = '.sparsepixels-output.json';

/** One file (or symbolic link, or empty folder as `path/`) an output folder was written with. */
export interface OutputFileEntry {
  /** Relative path with '/' separators. */
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

export interface OutputMarker {
  readonly tool: 'sparsepixels';
  /** Version of this marker format. */
  readonly markerVersion: 1;
  /** What the folder holds, e.g. 'hls-project' or 'trained-model'. */
  readonly kind: string;
  /** The backend that wrote it, for projects. */
  readonly backend?: string;
  /** Version of the package that wrote it. */
  readonly version: string;
  readonly files: readonly OutputFileEntry[];
}

/** Files of the folder's own bookkeeping, never listed in the marker. */
export const OWNER_FILE = '.sparsepixels-owner.json';
const BOOKKEEPING = new Set([OUTPUT_MARKER_FILE, OWNER_FILE]);

/** SHA-256 of a file, read in 1 MiB pieces (project files can be hundreds of MB). */
function hashFile(path: string): string {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

const hashText = (text: string) => createHash('sha256').update(text).digest('hex');

/** Calls `visit` for every entry below `dir` (not following symbolic links), parents first. */
function walk(dir: string, visit: (rel: string, abs: string, isDir: boolean, empty: boolean) => void, rel = ''): void {
  for (const name of readdirSync(dir).sort()) {
    if (rel === '' && BOOKKEEPING.has(name)) continue;
    const abs = join(dir, name);
    const path = rel ? `${rel}/${name}` : name;
    const isDir = lstatSync(abs).isDirectory();
    const empty = isDir && readdirSync(abs).length === 0;
    visit(path, abs, isDir, empty);
    if (isDir) walk(abs, visit, path);
  }
}

function entryOf(abs: string, path: string): OutputFileEntry {
  const st = lstatSync(abs);
  if (st.isSymbolicLink()) {
    const target = readlinkSync(abs);
    return { path, size: target.length, sha256: hashText(`symlink:${target}`) };
  }
  return { path, size: st.size, sha256: hashFile(abs) };
}

/** Every file below `dir` (and every empty folder, as `path/`), sorted, for the marker. */
export function listOutputFiles(dir: string): OutputFileEntry[] {
  const out: OutputFileEntry[] = [];
  walk(dir, (path, abs, isDir, empty) => {
    if (!isDir) out.push(entryOf(abs, path));
    else if (empty) out.push({ path: `${path}/`, size: 0, sha256: hashText('') });
  });
  return out;
}

/** The marker of `dir`, or undefined when it has none or it is not one of ours. */
export function readOutputMarker(dir: string): OutputMarker | undefined {
  const file = join(dir, OUTPUT_MARKER_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as Partial<OutputMarker>;
    const filesOk =
      Array.isArray(m.files) &&
      m.files.every((f) => typeof f?.path === 'string' && typeof f.sha256 === 'string' && typeof f.size === 'number');
    if (m.tool !== 'sparsepixels' || typeof m.kind !== 'string' || !filesOk) return undefined;
    return m as OutputMarker;
  } catch {
    return undefined;
  }
}

/** A file in a marked folder that is not what the marker lists. */
export interface ForeignEntry {
  readonly path: string;
  /** 'foreign': not written by sparsepixels; 'changed': written by it, then modified. */
  readonly reason: 'foreign' | 'changed';
}

/**
 * The first entry of `dir` that its marker does not account for: a file or folder it does not
 * list, or a listed file whose size or content differs. Missing listed files are fine (deleting
 * them lost nothing the user wrote).
 */
export function findForeignEntry(dir: string, marker: OutputMarker): ForeignEntry | undefined {
  const listed = new Map(marker.files.map((f) => [f.path, f]));
  const parents = new Set<string>();
  for (const f of marker.files) {
    const parts = f.path.replace(/\/$/, '').split('/');
    for (let k = 1; k < parts.length; k++) parents.add(parts.slice(0, k).join('/'));
  }
  let found: ForeignEntry | undefined;
  try {
    walk(dir, (path, abs, isDir, empty) => {
      if (found) return;
      if (isDir) {
        if (!parents.has(path) && !(empty && listed.has(`${path}/`))) found = { path: `${path}/`, reason: 'foreign' };
        return;
      }
      const want = listed.get(path);
      if (!want) found = { path, reason: 'foreign' };
      else if (lstatSync(abs).size !== want.size || entryOf(abs, path).sha256 !== want.sha256) found = { path, reason: 'changed' };
    });
  } catch {
    // unreadable entries: treat the folder as not ours
    return found ?? { path: '.', reason: 'foreign' };
  }
  return found;
}
