import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostics';
import { validateModel } from '../prepare-model';
import { tinySparseModel } from '../testing/tiny-models';
import { builtinOp } from '../ops/builtin';
import { registerOp } from '../ops/register-op';
import { cppNameProblem } from './cpp-names';

// issue 14 item 3: `--project int` (or main, class, sp, ap_fixed, defines, an input named int)
// validated, converted with exit 0, and then failed to compile.
function diagnostics(project: string | undefined, input = 'x_in'): string[] {
  const doc = tinySparseModel();
  doc.input = { ...doc.input, name: input };
  doc.layers[0] = { ...doc.layers[0]!, inputs: [input] };
  if (project !== undefined) doc.build = { ...doc.build, project };
  return validateModel(doc).diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
}

describe('C++ names of the generated project', () => {
  it.each([
    ['int', 'is a C++ keyword'],
    ['class', 'is a C++ keyword'],
    ['co_await', 'is a C++ keyword'],
    ['and', 'is a C++ alternative token (an operator such as && or !)'],
    ['not', 'is a C++ alternative token (an operator such as && or !)'],
    ['__x', "is reserved in C++ (it contains '__')"],
    ['a__b', "is reserved in C++ (it contains '__')"],
    ['_X', "is reserved in C++ (it starts with '_' and a capital letter)"],
    ['_x', "is reserved in C++ for global names (it starts with '_')"],
    ['main', "collides with the test bench's main function"],
    ['sp', 'collides with a namespace of the generated C++'],
    ['std', 'collides with the C++ standard library namespace'],
    ['ap_fixed', 'collides with an ap_types class of the generated C++'],
    ['AP_SAT', 'collides with an ap_types rounding or overflow mode'],
    ['N_INPUT', 'collides with a size macro of defines.h'],
    ['layer4_out', 'collides with a layer output array (or stream) of the top function'],
    ['layer2_process', 'collides with a layer process of the io_stream top function'],
    ['threshold_in', "collides with the top function's threshold port (build.thresholdInput)"],
    ['hls', 'collides with a namespace of the generated C++'],
    ['config2', 'collides with a layer configuration struct of parameters.h'],
    ['w3', 'collides with a weight or bias array of firmware/weights/'],
    ['result_t', 'collides with a typedef of defines.h'],
    ['tb_values', "collides with a local of the test bench's main"],
    ['NULL', 'collides with a macro of the C++ standard headers'],
    ['defines', 'collides with the generated file firmware/defines.h'],
    ['Parameters', 'collides with the generated file firmware/parameters.h'],
    ['sp_dense', 'gives the include guard SP_DENSE_H_, which collides with an include guard of the kernel headers'],
    ['SP_AP_MAX_W', 'collides with a macro of the ap_types headers (SP_AP_...)'],
    ['x_', "gives the include guard X__H_, which is reserved in C++ (it contains '__')"],
    ['W3', 'gives the include guard W3_H_, which collides with an include guard of the generated headers'],
  ])('project %s %s', (name, problem) => {
    expect(cppNameProblem(name, 'project')).toBe(problem);
  });

  it.each(['myproject', 'trigger', 'Int', 'mainx', 'sp_trigger', 'ap_fixed2', 'layer2', 'config', 'w', 'N_INPUTS', 'values', 'input', 'x_1', 'classy'])(
    'accepts the project name %s',
    (name) => expect(cppNameProblem(name, 'project')).toBeUndefined(),
  );

  it('reserves the kernel header guard of every op, also one registered later, by the naming rule sp_<op in snake case>.h', () => {
    const guard = (project: string) => cppNameProblem(project, 'project');
    const kernel = (g: string) => `gives the include guard ${g}, which collides with an include guard of the kernel headers`;
    expect(guard('sp_avg_pool2d')).toBe(kernel('SP_AVG_POOL2D_H_'));
    expect(guard('sp_sparse_global_pool2d')).toBe(kernel('SP_SPARSE_GLOBAL_POOL2D_H_'));
    expect(guard('sp_input_reduce')).toBe(kernel('SP_INPUT_REDUCE_H_'));
    expect(guard('sp_tb_io')).toBe(kernel('SP_TB_IO_H_'));
    expect(cppNameProblem('SP_CONV2D_H', 'input')).toBe('collides with an include guard of the kernel headers');
    // a made-up op and its header sp_sparse_depthwise_conv2d.h: reserved once the op is registered
    expect(guard('sp_sparse_depthwise_conv2d')).toBeUndefined();
    const remove = registerOp({ ...builtinOp('SparseConv2D'), type: 'SparseDepthwiseConv2D' });
    try {
      expect(guard('sp_sparse_depthwise_conv2d')).toBe(kernel('SP_SPARSE_DEPTHWISE_CONV2D_H_'));
      expect(guard('sp_sparse_depthwise')).toBeUndefined();
    } finally {
      remove();
    }
  });

  it('an input may start with one underscore and a small letter (it is not a global name)', () => {
    expect(cppNameProblem('_x', 'input')).toBeUndefined();
    expect(cppNameProblem('defines', 'input')).toBeUndefined();
    expect(cppNameProblem('_X', 'input')).toBe("is reserved in C++ (it starts with '_' and a capital letter)");
  });

  it('validation reports each with its JSON pointer (SP3010)', () => {
    expect(diagnostics('int', 'main')).toEqual([
      "SP3010 error /input/name: 'main' collides with the test bench's main function; choose another name",
      "SP3010 error /build/project: 'int' is a C++ keyword; choose another name",
    ]);
    expect(diagnostics('x_in')).toEqual([
      "SP3010 error /build/project: 'x_in' is also the name of the input (the test bench uses both in one scope); choose another name",
    ]);
    expect(diagnostics('x_in_stream')).toEqual([
      "SP3010 error /build/project: 'x_in_stream' is also the name of the input's stream (the test bench uses both in one scope); choose another name",
    ]);
    expect(diagnostics(undefined)).toEqual([]);
    expect(diagnostics('trigger', 'input')).toEqual([]);
  });
});
