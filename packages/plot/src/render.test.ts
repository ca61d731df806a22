import { describe, expect, it } from 'vitest';
import { comparisonBars, linePanels, renderSvg, rocChart, stackedBars } from './index';

const count = (svg: string, type: string) => {
  const m = new RegExp(`<g class="mark-${type} role-mark[^"]*"[^>]*>([\\s\\S]*?)</g>`, 'g');
  let n = 0;
  for (const g of svg.matchAll(m)) n += (g[1]!.match(/<(path|text)\b/g) ?? []).length;
  return n;
};

describe('renderSvg', () => {
  it('draws one rect per stacked segment', async () => {
    const rows = ['t', 's'].flatMap((bar) =>
      ['reduce', 'conv'].map((segment, i) => ({ bar, segment, value: 10 + i })),
    );
    const svg = await renderSvg(
      stackedBars({
        title: 'LUT per layer',
        rows,
        barTitle: 'model',
        valueTitle: 'LUT',
        segmentTitle: 'layer',
      }),
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(count(svg, 'rect')).toBe(4);
    expect(svg).toContain('LUT per layer');
  });

  it('draws a line per panel and series, and the ROC diagonal', async () => {
    const points = [8, 12, 16].map((x) => ({ x, y: 4 * x + 3, series: 'ours' }));
    const lines = await renderSvg(
      linePanels({
        title: 'vs N',
        xTitle: 'N',
        panels: [
          { title: 'II', yTitle: 'cycles', points },
          { title: 'LUT', yTitle: 'LUT', points },
        ],
      }),
    );
    expect(count(lines, 'line')).toBe(2);
    const roc = await renderSvg(
      rocChart({
        title: 'ROC',
        curves: [
          { name: 'float', fpr: [0, 0.5, 1], tpr: [0, 0.8, 1] },
          { name: 'firmware', fpr: [0, 1], tpr: [0, 1] },
        ],
      }),
    );
    expect(count(roc, 'line')).toBe(3);
  });

  it('draws one bar per design and metric', async () => {
    const rows = ['latency', 'LUT'].flatMap((metric) =>
      ['standard', 'sparse'].map((design, i) => ({ metric, design, value: 1 + i })),
    );
    const svg = await renderSvg(comparisonBars({ title: 'standard vs sparse', rows }));
    expect(count(svg, 'rect')).toBe(4);
    expect(count(svg, 'text')).toBe(4); // the value written on each bar
    const bars = [...svg.matchAll(/<g class="mark-rect role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/g)]
      .map((g) => g[1])
      .join('');
    expect(bars).toMatch(/aria-roledescription="bar"/);
    expect(bars).not.toMatch(/h[\d.]+v0h/); // every non-zero bar has a height
  });
});
