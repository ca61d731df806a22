/**
 * A self-contained HTML page (no scripts, no network: every chart is inline SVG) with figures,
 * tables and notes. Every figure carries `data-plot` and the mark counts it must show, so a
 * headless browser can check that it rendered.
 */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface Figure {
  readonly id: string;
  readonly caption: string;
  readonly svg: string;
  /** Expected marks, e.g. `{ rect: 24 }` or `{ line: 2 }` (vega draws them as paths in `g.mark-<type>`). */
  readonly marks: Readonly<Record<string, number>>;
  /** How many of those marks have a zero value (drawn with no area), e.g. `{ rect: 3 }`. */
  readonly empty?: Readonly<Record<string, number>>;
}

export interface Table {
  readonly caption: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

export type Section =
  | { readonly kind: 'figure'; readonly heading: string; readonly figure: Figure }
  | { readonly kind: 'table'; readonly heading: string; readonly table: Table }
  | { readonly kind: 'notes'; readonly heading: string; readonly items: readonly string[] };

function tableHtml(t: Table): string {
  const cell = (v: string | number) =>
    `<td${typeof v === 'number' ? ' class="num"' : ''}>${escapeHtml(typeof v === 'number' ? v.toLocaleString('en-US') : v)}</td>`;
  return [
    `<table><caption>${escapeHtml(t.caption)}</caption>`,
    `<thead><tr>${t.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>${t.rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('\n')}</tbody></table>`,
  ].join('\n');
}

function sectionHtml(s: Section): string {
  const h = `<h2>${escapeHtml(s.heading)}</h2>`;
  if (s.kind === 'table') return `<section>${h}\n${tableHtml(s.table)}</section>`;
  if (s.kind === 'notes')
    return `<section>${h}<ul>${s.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul></section>`;
  const marks = Object.entries(s.figure.marks)
    .map(([k, v]) => ` data-marks-${k}="${v}"`)
    .join('');
  const empty = Object.entries(s.figure.empty ?? {})
    .map(([k, v]) => ` data-empty-${k}="${v}"`)
    .join('');
  return `<section>${h}<figure data-plot="${escapeHtml(s.figure.id)}"${marks}${empty}>${s.figure.svg}<figcaption>${escapeHtml(s.figure.caption)}</figcaption></figure></section>`;
}

const STYLE = `body{font-family:Helvetica,Arial,sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;font-size:.9em;margin:.5em 0}caption{text-align:left;font-weight:bold;padding:.3em 0}
td,th{border:1px solid #ccc;padding:.25em .6em}td.num{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:1em 0;overflow-x:auto}figcaption{font-size:.85em;color:#555}li{margin:.2em 0}`;

export function htmlPage(o: { title: string; subtitle?: string; sections: readonly Section[] }): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(o.title)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(o.title)}</h1>`,
    o.subtitle ? `<p>${escapeHtml(o.subtitle)}</p>` : '',
    ...o.sections.map(sectionHtml),
    '</body></html>',
    '',
  ].join('\n');
}
