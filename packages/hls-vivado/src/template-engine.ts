import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { SparsePixelsError } from '@sparsepixels/core';
import { QUOTING_HELPERS } from './template-helpers';

type Template = (data: unknown) => string;

/**
 * A Handlebars environment with `noEscape` (so `ap_fixed<8,3>` stays as written) and `strict`
 * (a missing field throws instead of printing nothing). Templates are rendered once; the text is
 * never patched afterwards.
 */
export class TemplateEngine {
  private readonly hb = Handlebars.create();
  private readonly compiled = new Map<string, Template>();

  constructor() {
    this.hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    this.hb.registerHelper('join', (items: unknown, sep: unknown) =>
      Array.isArray(items) ? items.join(typeof sep === 'string' ? sep : ', ') : '',
    );
    // tcl, sh, cstr, comment, ident: every model or CLI string goes through one of these
    for (const [name, quote] of Object.entries(QUOTING_HELPERS)) this.hb.registerHelper(name, (v: unknown) => quote(v));
  }

  /** Registers a partial (e.g. a layer's `templates/layers/<op>.hbs`) under `name`. */
  registerPartial(name: string, source: string): void {
    this.hb.registerPartial(name, this.compile(`partial ${name}`, source));
  }

  /** Registers every `*.hbs` below `dir` as a partial named by its path without extension. */
  registerPartialDir(dir: string, prefix = ''): void {
    for (const file of listTemplates(dir)) {
      this.registerPartial(prefix + file.replace(/\.hbs$/, ''), readFileSync(join(dir, file), 'utf8'));
    }
  }

  /** Renders template `source` (named `name` in errors) with `data`. */
  render(name: string, source: string, data: unknown): string {
    let template = this.compiled.get(source);
    if (!template) {
      template = this.compile(name, source);
      this.compiled.set(source, template);
    }
    try {
      return template(data);
    } catch (err) {
      const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
      throw new SparsePixelsError('SP_TEMPLATE', `template failed: ${message}`, name);
    }
  }

  private compile(name: string, source: string): Template {
    try {
      return this.hb.compile(source, { noEscape: true, strict: true });
    } catch (err) {
      const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
      throw new SparsePixelsError('SP_TEMPLATE', `template does not compile: ${message}`, name);
    }
  }
}

/** Relative paths of every `.hbs` file below `dir`, sorted (deterministic). */
export function listTemplates(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.hbs')) out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}
