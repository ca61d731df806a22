import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { templatesDir } from '../paths';

/** Loader for a built-in layer partial `templates/layers/<name>.hbs` (read once, on first use). */
export function layerTemplate(name: string): () => string {
  let source: string | undefined;
  return () => (source ??= readFileSync(join(templatesDir(), 'layers', `${name}.hbs`), 'utf8'));
}
