import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareModel } from '@sparsepixels/ir';
import { afterAll, describe, expect, it } from 'vitest';
import { vivadoBackend, vivadoProfile } from '../src';
import { buildProjectView } from '../src/project-view';
import { renderProject } from '../src/render-project';
import { smallSparseModel } from '../src/testing';

// The generated scripts run as the tools run them: tclsh sources project.tcl, sh runs
// build_csim.sh. The IR schema refuses unsafe build strings (issue 14 item 2); the templates quote
// them anyway, which the first test shows by rendering a model that skipped validation.
const root = mkdtempSync(join(tmpdir(), 'sp-scripts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const pwned = join(root, 'pwned');

function tclVars(dir: string): string[] {
  const r = spawnSync('tclsh', [], {
    cwd: dir,
    encoding: 'utf8',
    input: 'source project.tcl\nforeach v {project_name backend part clock_period clock_uncertainty} { puts [set $v] }\n',
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trimEnd().split('\n');
}

describe('generated scripts', () => {
  it('project.tcl holds build strings as data even when they were never validated', () => {
    const prepared = prepareModel(smallSparseModel());
    const part = `xcu250[exec touch ${pwned}]`;
    const clockUncertainty = `1; exec touch ${pwned}; set x "$y"`;
    const model = { ...prepared.model, build: { ...prepared.model.build, part, clockUncertainty } };
    const unchecked = { ...prepared, model };
    const files = renderProject(model, buildProjectView(unchecked, vivadoProfile), vivadoProfile);
    writeFileSync(join(root, 'project.tcl'), files.find((f) => f.path === 'project.tcl')!.content);
    expect(tclVars(root)).toEqual(['myproject', 'vivado', part, '5', clockUncertainty]);
    expect(existsSync(pwned)).toBe(false);
  });

  it('an emitted project: tclsh reads the IR build values, build_csim.sh gives the expected outputs', async () => {
    const doc = smallSparseModel();
    doc.build = { ...doc.build, project: 'trigger', part: 'xcvu13p-fhga2104-3-e', clockPeriod: 2.5, clockUncertainty: '0.625' };
    const { outDir } = await vivadoBackend.emit(doc, join(root, 'prj'));
    expect(tclVars(outDir)).toEqual(['trigger', 'vivado', 'xcvu13p-fhga2104-3-e', '2.5', '0.625']);
    const r = spawnSync('sh', ['build_csim.sh'], { cwd: outDir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^trigger: 12 events simulated/);
    expect(readFileSync(join(outDir, 'tb_data/csim_results.log'), 'utf8')).toBe(
      readFileSync(join(outDir, 'tb_data/tb_output_predictions.dat'), 'utf8'),
    );
  }, 180_000); // build_csim.sh compiles with g++
});
