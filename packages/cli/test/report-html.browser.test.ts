// The HTML report opened in headless Chromium (Debian's /usr/bin/chromium, driven by
// puppeteer-core; nothing downloads a browser): every chart must show the marks its data asks for,
// the page must log no console error and load nothing from the network.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { measureHlsProject } from '@sparsepixels/hls-vivado';
import { prepareModel } from '@sparsepixels/ir';
import { buildPaperModel, randomSparseEvents } from '@sparsepixels/ir/testing';
import puppeteer from 'puppeteer-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildReport, rocOf } from '../src/report/build-report';
import { reportHtml } from '../src/report/report-html';

const CHROMIUM = '/usr/bin/chromium';
const tmp = mkdtempSync(join(tmpdir(), 'sp-report-html-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A project folder holding real (published) synthesis reports, for the measured-vs-estimate chart. */
async function publishedMeasurement() {
  const fix = join(inject('repoRoot'), 'packages/hls-vivado/test/fixtures/reports/reduction-8b-in100-out10');
  const rep = join(tmp, 'prj', 'hls_dummy_prj', 'solution1', 'syn', 'report');
  mkdirSync(rep, { recursive: true });
  for (const f of readdirSync(fix))
    cpSync(join(fix, f), f.endsWith('.xml') ? join(rep, f) : join(tmp, 'prj', f));
  return (await measureHlsProject(join(tmp, 'prj')))!;
}

async function reportFile(): Promise<{ file: string; layers: number }> {
  const doc = buildPaperModel({ dataset: 'neutrino', variant: 'sparse', nMax: 16, bits: 8 });
  const { model } = prepareModel(doc);
  const count = 200;
  const x = randomSparseEvents({ h: 63, w: 63, count, active: [5, 40], type: model.input.type, seed: 3 });
  const y = Int32Array.from({ length: count }, (_, i) => (i * 7919) % 2);
  const data = { ...buildReport(doc, {}, await publishedMeasurement()), roc: rocOf(model, x, y, count) };
  const file = join(tmp, 'report.html');
  writeFileSync(file, await reportHtml(data));
  return { file, layers: doc.layers.length };
}

// Skipped only off CI on a machine without Chromium; .ci/run installs it.
describe.skipIf(!existsSync(CHROMIUM) && !process.env['CI'])('the HTML report in headless Chromium', () => {
  it('renders every chart with its marks, without console errors or network requests', async () => {
    const { file, layers } = await reportFile();
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(String(e)));
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const plots = await page.$$eval('figure[data-plot]', (figs) =>
        figs.map((f) => {
          const marks = (type: string) => Array.from(f.querySelectorAll(`g.mark-${type}.role-mark > *`));
          const count = (type: string) => marks(type).length;
          // bars drawn without area must be exactly the zero values (a log scale once drew them all flat)
          const flat = marks('rect').filter((m) => {
            const b = (m as unknown as { getBBox(): { width: number; height: number } }).getBBox();
            return b.width === 0 || b.height === 0;
          }).length;
          const zero = Number(f.getAttribute('data-empty-rect') ?? '0');
          const expected: Record<string, number> = {};
          const got: Record<string, number> = {};
          for (const name of f.getAttributeNames()) {
            const m = /^data-marks-(.+)$/.exec(name);
            if (m) {
              expected[m[1]!] = Number(f.getAttribute(name));
              got[m[1]!] = count(m[1]!);
            }
          }
          const box = f.querySelector('svg')!.getBoundingClientRect();
          return {
            id: f.getAttribute('data-plot'),
            expected,
            got,
            flat,
            zero,
            width: box.width,
            height: box.height,
          };
        }),
      );
      expect(plots.map((p) => p.id)).toEqual([
        'lut-per-layer',
        'latency-per-layer',
        'versus-nmax',
        'standard-vs-sparse',
        'estimate-vs-measured',
        'roc',
      ]);
      for (const p of plots) {
        expect(p.got, p.id!).toEqual(p.expected);
        expect(p.flat, p.id!).toBe(p.zero);
        expect(p.width * p.height, p.id!).toBeGreaterThan(10_000);
      }
      // 4 pixel budgets x (layers + FIFOs) segments; 3 lines + 12 points; 5 metrics x 2; 6 x 2; 2 curves + diagonal
      expect(plots[0]!.expected).toEqual({ rect: 4 * (layers + 1) });
      expect(plots[2]!.expected).toEqual({ line: 3, symbol: 12 });
      expect(plots[5]!.expected).toEqual({ line: 3 });
      expect(problems).toEqual([]);
      expect(requests).toEqual([pathToFileURL(file).href]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
