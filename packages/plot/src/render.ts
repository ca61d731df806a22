import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export type { TopLevelSpec };

/**
 * Renders a Vega-Lite spec to a standalone SVG string in Node (vega's headless SVG renderer, no
 * browser, no canvas). Fonts are the viewer's; text is real SVG text.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
