/**
 * Which model names can become C++ names of a generated HLS project. Two names of the IR do:
 * `build.project` (the top function, its files `firmware/<project>.cpp/.h`, its include guard
 * `<PROJECT>_H_`) and `input.name` (the top function's input array, also a local of the test
 * bench's main). Layer names only appear in comments and a string literal. A name is refused if it
 * is a C++ keyword, a reserved identifier, or a name the generated project itself defines.
 * packages/hls-vivado/test/cpp-names.test.ts derives the defined names from real projects (g++'s
 * declaration dump) and checks that every one is refused here, and that near misses compile.
 */
import { listOps } from '../ops/registry';

/** C++17 keywords ([lex.key]) and the C++20 additions, which would break the same code later. */
const KEYWORDS = new Set(
  (
    'alignas alignof asm auto bool break case catch char char16_t char32_t class const constexpr const_cast ' +
    'continue decltype default delete do double dynamic_cast else enum explicit export extern false float for ' +
    'friend goto if inline int long mutable namespace new noexcept nullptr operator private protected public ' +
    'register reinterpret_cast return short signed sizeof static static_assert static_cast struct switch ' +
    'template this thread_local throw true try typedef typeid typename union unsigned using virtual void ' +
    'volatile wchar_t while char8_t concept consteval constinit co_await co_return co_yield requires'
  ).split(' '),
);

/** Alternative tokens ([lex.digraph]): `and` is `&&` to the compiler, not a name. */
const ALTERNATIVE_TOKENS = new Set('and and_eq bitand bitor compl not not_eq or or_eq xor xor_eq'.split(' '));

/**
 * Names the generated project and its headers define, as patterns, with what they are. Kept in
 * step with the templates of @sparsepixels/hls-vivado and hls-include/ by the test named above.
 */
const EMITTED: readonly (readonly [RegExp, string])[] = [
  [/^(sp|sp_ap_detail|hls)$/, 'a namespace of the generated C++'],
  [/^std$/, 'the C++ standard library namespace'],
  [/^main$/, "the test bench's main function"],
  [/^ap_(fixed|ufixed|int|uint|fixed_base|int_base|q_mode|o_mode|bit_ref|range_ref)$/, 'an ap_types class of the generated C++'],
  [/^(AP|SC)_(TRN|TRN_ZERO|RND|RND_ZERO|RND_MIN_INF|RND_INF|RND_CONV|SAT|SAT_ZERO|SAT_SYM|WRAP|WRAP_SM)$/, 'an ap_types rounding or overflow mode'],
  [/^SP_AP_\w*$/, 'a macro of the ap_types headers (SP_AP_...)'],
  [/^SP_(ACT_IN|ACT_OUT|CONV2D_ARGS|CONV2D_OUT_ARGS|CONV2D_PARAMS|CONV2D_WEIGHTS|POOL_IN|POOL_OUT|SIGMOID_TABLE|SOFTMAX_TABLES)$/, 'a parameter-list macro of the kernel headers'],
  [/^N_(INPUT|OUTPUT_\d+)$/, 'a size macro of defines.h'],
  [/^(DEFINES|PARAMETERS|[WB]\d+|W\d+_(INDEX|COLS|TAPS|LANE)|(SIGMOID|EXP|INV)_TABLE\d+)_H_$/, 'an include guard of the generated headers'],
  [/^(input|result\d*|layer\d+|layer\d+_(accum|sum)|weight\d+|bias\d+|index\d+|table\d+|(exp|inv)_table\d+|sparse_hash)_t$/, 'a typedef of defines.h'],
  [/^config\d+$/, 'a layer configuration struct of parameters.h'],
  [/^([wb]\d+|w\d+_(index|cols|taps|lane))$/, 'a weight or bias array of firmware/weights/'],
  [/^(sigmoid|exp|inv)_table\d+$/, 'a table array of firmware/weights/'],
  [/^layer\d+_(out|hash|valid)(_stream)?$/, 'a layer output array (or stream) of the top function'],
  [/^layer\d+_process$/, 'a layer process of the io_stream top function'],
  [/^(in_stream|out_stream)$/, 'a parameter of the io_stream layer processes'],
  [/^threshold_in$/, "the top function's threshold port (build.thresholdInput)"],
  // locals of the test bench's main, where the input array and the top function are used
  [/^(argc|argv|tb_(default_results|input_path|results_path|input|results|trace|line|values|event|line_no|i))$/, "a local of the test bench's main"],
  // macros of the C and C++ headers the test bench includes (<iostream>, <fstream>, <string>, <vector>)
  [/^(NULL|EOF|errno|assert|stdin|stdout|stderr|offsetof)$/, 'a macro of the C++ standard headers'],
];

/** The kernel headers that belong to no op: what every kernel shares, tables, streams, test-bench I/O, tracing. */
const SUPPORT_HEADER_STEMS = ['COMMON', 'EXACT_IO', 'SIGMOID', 'SOFTMAX', 'STREAM', 'CSIM_HLS_STREAM', 'TB_IO', 'TRACE'];

/**
 * The stems of an op's kernel header `sp_<stem>.h` (guard `SP_<STEM>_H_`): the op's name in snake
 * case, as written and with Average/Pooling shortened (AveragePooling2D: sp_avg_pool2d.h,
 * SparseGlobalPooling2D: sp_sparse_global_pool2d.h). Every op of the registry reserves both, so a
 * new op's header needs no edit here.
 */
function kernelHeaderStems(opType: string): string[] {
  const snake = opType.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
  return [snake, snake.replace(/AVERAGE/g, 'AVG').replace(/POOLING/g, 'POOL')];
}

/** Whether `name` is the include guard of a kernel header (hls-include/nnet_utils/sp_<stem>.h). */
function isKernelHeaderGuard(name: string): boolean {
  const stem = /^SP_(\w+?)_H_?$/.exec(name)?.[1];
  if (stem === undefined) return false;
  return SUPPORT_HEADER_STEMS.includes(stem) || listOps().some((op) => kernelHeaderStems(op.type).includes(stem));
}

/** Why `name` collides with a name the generated project defines, as a phrase, or undefined. */
function emittedCollision(name: string): string | undefined {
  if (isKernelHeaderGuard(name)) return 'an include guard of the kernel headers';
  return EMITTED.find(([pattern]) => pattern.test(name))?.[1];
}

/** How a model name is used in the generated C++. */
export type CppNameRole = 'project' | 'input';

/**
 * Why `name` cannot be used as the given C++ name, as a phrase after the quoted name
 * (`is a C++ keyword`), or undefined when it can. `name` is already an identifier (the schema).
 */
export function cppNameProblem(name: string, role: CppNameRole): string | undefined {
  if (KEYWORDS.has(name)) return 'is a C++ keyword';
  if (ALTERNATIVE_TOKENS.has(name)) return 'is a C++ alternative token (an operator such as && or !)';
  if (name.includes('__')) return "is reserved in C++ (it contains '__')";
  if (/^_[A-Z]/.test(name)) return "is reserved in C++ (it starts with '_' and a capital letter)";
  if (role === 'project' && name.startsWith('_')) return "is reserved in C++ for global names (it starts with '_')";
  const clash = emittedCollision(name);
  if (clash) return `collides with ${clash}`;
  if (role === 'project') {
    // the project also names files (case-insensitive file systems too) and an include guard
    const lower = name.toLowerCase();
    if (lower === 'defines' || lower === 'parameters') return `collides with the generated file firmware/${lower}.h`;
    const guard = `${name.toUpperCase()}_H_`;
    if (guard.includes('__')) return `gives the include guard ${guard}, which is reserved in C++ (it contains '__')`;
    const guardClash = emittedCollision(guard);
    if (guardClash) return `gives the include guard ${guard}, which collides with ${guardClash}`;
  }
  return undefined;
}
