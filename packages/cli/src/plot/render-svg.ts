/**
 * A Vega-Lite spec rendered to SVG in Node with vega's headless renderer (no browser, no canvas).
 * The shared plotting package (reports) provides the same function; once it is on main this file
 * goes and the import switches to it.
 */
import type { TopLevelSpec } from 'vega-lite';

export type { TopLevelSpec };

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, vl] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
