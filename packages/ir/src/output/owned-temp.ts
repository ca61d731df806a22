import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { OWNER_FILE, readOutputMarker } from './output-marker';

/**
 * Temporary folders that a later run can recognise as ours and as abandoned: the name is
 * `<prefix><pid>-<random>` and the folder holds an owner file with the same pid and this host.
 * A run that was killed outright (SIGKILL, power loss) cannot clean up; the next run removes such
 * folders once their pid is dead, and never touches anything that does not carry both signs.
 */
export function createOwnedTempDir(parent: string, prefix: string): string {
  const dir = join(parent, `${prefix}${process.pid}-${randomBytes(6).toString('hex')}`);
  mkdirSync(dir);
  writeFileSync(join(dir, OWNER_FILE), `${JSON.stringify({ tool: 'sparsepixels', pid: process.pid, host: hostname() })}\n`);
  return dir;
}

/** True while a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownedBy(dir: string, pid: number): boolean {
  try {
    const o = JSON.parse(readFileSync(join(dir, OWNER_FILE), 'utf8')) as { tool?: unknown; pid?: unknown; host?: unknown };
    return o.tool === 'sparsepixels' && o.pid === pid && o.host === hostname();
  } catch {
    return false;
  }
}

/**
 * Removes the folders in `parent` whose names `pattern` matches (group 1 = the owner pid) when
 * that pid is dead and the folder is ours: it holds our owner file, or it is a finished output
 * (our marker) that was never moved into place. Anything else with such a name, even an empty
 * folder, is left alone. Returns the names removed.
 * Best effort: a folder that cannot be read or removed is left alone.
 */
export function reapMatching(parent: string, pattern: RegExp): string[] {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    const dir = join(parent, name);
    try {
      if (!lstatSync(dir).isDirectory() || processAlive(pid)) continue;
      if (!ownedBy(dir, pid) && !readOutputMarker(dir)) continue;
      rmSync(dir, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
  return removed;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** reapMatching for the folders createOwnedTempDir(parent, prefix) makes. */
export function reapStaleTempDirs(parent: string, prefix: string): string[] {
  return reapMatching(parent, new RegExp(`^${escapeRegExp(prefix)}(\\d+)-[0-9a-z]+$`));
}
