import { DIAGNOSTICS } from '../diagnostics';
import { cppNameProblem } from '../names/cpp-names';
import type { Pass } from './pass';

/**
 * The names that become C++ names of a generated project (the project and the input; see
 * names/cpp-names.ts) are not keywords, reserved, or names the project defines itself.
 */
export const checkCppNamesPass: Pass = {
  name: 'check-cpp-names',
  description: 'build.project and input.name can be C++ names in the generated project',
  run(model, ctx) {
    const input = model.input.name;
    const inputProblem = cppNameProblem(input, 'input');
    if (inputProblem) ctx.report(DIAGNOSTICS.cppName.at('/input/name', input, inputProblem));
    const project = model.build?.project;
    if (project === undefined) return model;
    const projectProblem = cppNameProblem(project, 'project');
    if (projectProblem) ctx.report(DIAGNOSTICS.cppName.at('/build/project', project, projectProblem));
    else if (project === input || project === `${input}_stream`) {
      // the test bench declares the input array (and, with io_stream, <input>_stream) where it calls the top function
      const what = project === input ? 'the name of the input' : "the name of the input's stream";
      ctx.report(DIAGNOSTICS.cppName.at('/build/project', project, `is also ${what} (the test bench uses both in one scope)`));
    }
    return model;
  },
};
