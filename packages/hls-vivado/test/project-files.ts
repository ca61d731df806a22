import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file below `dir` (relative paths, sorted), skipping the copied header folders if asked. */
export function listFiles(dir: string, skipHeaders = false): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const rel = relative(dir, path);
      if (skipHeaders && (rel === 'firmware/ap_types' || rel === 'firmware/nnet_utils')) continue;
      if (statSync(path).isDirectory()) walk(path);
      else out.push(rel);
    }
  };
  walk(dir);
  return out.sort();
}

export function readTree(dir: string, skipHeaders = false): Map<string, string> {
  return new Map(listFiles(dir, skipHeaders).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}
