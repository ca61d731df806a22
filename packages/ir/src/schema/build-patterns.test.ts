import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostics';
import type { BuildIR } from '../model';
import { validateModel } from '../prepare-model';
import { tinySparseModel } from '../testing/tiny-models';

// Build strings are written into Tcl scripts (project.tcl), so the schema allows only what a
// value of that kind can hold (issue 14 item 2: a part "xcu250[exec touch /tmp/x]" ran a command
// when the script was sourced).
const problems = (build: BuildIR) => validateModel({ ...tinySparseModel(), build }).diagnostics.map(formatDiagnostic);

describe('build section patterns', () => {
  it.each([
    'xcu250-figd2104-2L-e',
    'xc7z020clg400-1',
    'xcvu9p-flga2104-2L-e',
    'xczu9eg-ffvb1156-2-e',
    'xcvu13p-fhga2104-3-e',
    'xcku115-flvb2104-2-e',
    'xc7a35tcpg236-1',
    'xcve2802-vsvh1760-2MP-e-S',
  ])('accepts the part %s', (part) => {
    expect(problems({ part })).toEqual([]);
  });

  it.each(['xcu250[exec touch /tmp/x]', 'xcu250 -e', 'xcu250"; exec x; "', '$env(HOME)', 'xcu250\nexec x', '-xcu250', ''])(
    'refuses the part %j with its pointer',
    (part) => {
      const p = problems({ part });
      expect(p).toHaveLength(1);
      expect(p[0]).toMatch(/^SP200\d error \/build\/part: /);
    },
  );

  it('says what a part name may hold', () => {
    expect(problems({ part: 'xcu250[exec touch /tmp/x]' })).toEqual([
      `SP2001 error /build/part: "xcu250[exec touch /tmp/x]" is not an FPGA part name: use letters, digits, '-', '_' and '.' (e.g. xcu250-figd2104-2L-e)`,
    ]);
  });

  it.each(['12.5%', '27%', '0.625', '1', '100%'])('accepts the clock uncertainty %s', (clockUncertainty) => {
    expect(problems({ clockUncertainty })).toEqual([]);
  });

  it.each(['1;exec touch x', '12.5 %', '[exec x]', '$u', '-1', '1e3', '.5', '', '12.5%%'])(
    'refuses the clock uncertainty %j',
    (clockUncertainty) => {
      const p = problems({ clockUncertainty });
      expect(p).toHaveLength(1);
      expect(p[0]).toMatch(/^SP2001 error \/build\/clockUncertainty: .* is not a clock uncertainty: /);
    },
  );

  it('keeps the message of names', () => {
    expect(problems({ project: 'my-project' })).toEqual([
      `SP2001 error /build/project: "my-project" is not a valid name: use letters, digits and '_', not starting with a digit`,
    ]);
  });
});
