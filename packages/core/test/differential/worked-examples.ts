// The worked examples of docs/semantics.md#fixed-worked-examples (the literal output of a program
// compiled against the official Xilinx headers), as C++ expressions and expected results.

/** A C++ expression and its expected result. */
export type SmokeRow =
  | { id: number; bits: string; type: string; hex: string } // result type "W,I,s" / "int W,s" and raw bits
  | { id: number; bool: string; value: boolean }
  | { id: number; int: string; value: number }
  | { id: number; f32: string; hex: string } // float bit pattern
  | { id: number; f64: string; hex: string } // double bit pattern
  | { id: number; text: string; value: string }; // stream statements writing to `os`

/** An immediately invoked lambda, for rows that are statements. */
export const lambda = (body: string): string => `[]{ ${body} }()`;
const X71 = 'sp::from_raw_bits<ap_fixed<64,2> >(0x4000004000000004ull)'; // 1 + 2^-24 + 2^-60
const NAN = '(0.0 / zero)'; // x86's default NaN is negative (see smokeProgram's `zero`)

export const WORKED_EXAMPLES: SmokeRow[] = [
  { id: 1, bits: 'ap_fixed<8,4>(1.3)', type: '8,4,s', hex: '0x14' },
  { id: 2, bits: 'ap_fixed<8,4>(-1.3)', type: '8,4,s', hex: '0xeb' },
  { id: 3, bits: 'ap_fixed<8,4,AP_TRN_ZERO>(-1.3)', type: '8,4,s', hex: '0xec' },
  { id: 4, bits: 'ap_fixed<8,4,AP_RND>(0.03125)', type: '8,4,s', hex: '0x01' },
  { id: 5, bits: 'ap_fixed<8,4,AP_RND>(-0.03125)', type: '8,4,s', hex: '0x00' },
  { id: 6, bits: 'ap_fixed<8,4,AP_RND_ZERO>(-0.09375)', type: '8,4,s', hex: '0xff' },
  { id: 7, bits: 'ap_fixed<8,4,AP_RND_MIN_INF>(0.09375)', type: '8,4,s', hex: '0x01' },
  { id: 8, bits: 'ap_fixed<8,4,AP_RND_INF>(-0.09375)', type: '8,4,s', hex: '0xfe' },
  { id: 9, bits: 'ap_fixed<8,4,AP_RND_CONV>(0.09375)', type: '8,4,s', hex: '0x02' },
  { id: 10, bits: 'ap_fixed<8,4,AP_RND_CONV>(0.15625)', type: '8,4,s', hex: '0x02' },
  { id: 11, bits: 'ap_fixed<8,4>(8.0)', type: '8,4,s', hex: '0x80' },
  { id: 12, bits: 'ap_fixed<8,4,AP_RND_CONV,AP_SAT>(7.97)', type: '8,4,s', hex: '0x7f' },
  { id: 13, bits: 'ap_fixed<8,4,AP_TRN,AP_SAT>(-100.0)', type: '8,4,s', hex: '0x80' },
  { id: 14, bits: 'ap_fixed<8,4,AP_TRN,AP_SAT_SYM>(-100.0)', type: '8,4,s', hex: '0x81' },
  { id: 15, bits: 'ap_fixed<8,4,AP_TRN,AP_SAT_SYM>(-8.0)', type: '8,4,s', hex: '0x81' },
  { id: 16, bits: 'ap_fixed<8,4,AP_TRN,AP_SAT_ZERO>(9.0)', type: '8,4,s', hex: '0x00' },
  { id: 17, bits: 'ap_ufixed<8,4>(-1.5)', type: '8,4,u', hex: '0xe8' },
  { id: 18, bits: 'ap_ufixed<8,4,AP_TRN,AP_SAT>(-1.5)', type: '8,4,u', hex: '0x00' },
  { id: 19, bits: 'ap_fixed<8,4,AP_TRN,AP_WRAP,2>(9.0)', type: '8,4,s', hex: '0x50' },
  { id: 20, bits: 'ap_fixed<8,4,AP_TRN,AP_WRAP_SM>(9.0)', type: '8,4,s', hex: '0x6f' },
  { id: 21, bits: 'ap_fixed<8,4,AP_TRN,AP_WRAP_SM>(-9.5)', type: '8,4,s', hex: '0x97' },
  { id: 22, bits: 'ap_fixed<1,1,AP_TRN,AP_SAT_SYM>(-3.0)', type: '1,1,s', hex: '0x1' },
  { id: 23, bits: 'ap_fixed<8,-2>(0.1)', type: '8,-2,s', hex: '0x66' },
  { id: 24, bits: 'ap_fixed<8,-2>(0.2)', type: '8,-2,s', hex: '0xcc' },
  { id: 25, bits: 'ap_fixed<4,8>(100.0)', type: '4,8,s', hex: '0x6' },
  { id: 26, bits: 'ap_fixed<16,6,AP_TRN,AP_SAT>(1.0 / zero)', type: '16,6,s', hex: '0x7fff' },
  { id: 27, bits: `ap_fixed<16,6,AP_TRN,AP_SAT>${NAN}`, type: '16,6,s', hex: '0x8000' },
  { id: 28, bits: 'ap_fixed<16,6>(1.0 / zero)', type: '16,6,s', hex: '0x0000' },
  { id: 29, bits: 'ap_fixed<40,4>(0.1f)', type: '40,4,s', hex: '0x0199999a00' },
  { id: 30, bits: 'ap_fixed<40,4>(0.1)', type: '40,4,s', hex: '0x0199999999' },
  { id: 31, bits: 'ap_int<8>(-0.3)', type: 'int 8,s', hex: '0x01' },
  { id: 32, bits: 'ap_int<8>(-2.7)', type: 'int 8,s', hex: '0xfe' },
  { id: 33, bits: 'ap_int<8>(300.9)', type: 'int 8,s', hex: '0x2c' },
  { id: 34, bits: 'ap_uint<8>(-3.7)', type: 'int 8,u', hex: '0xfd' },
  { id: 35, bits: 'ap_fixed<8,4>(7.9375) + ap_fixed<6,2>(1.75)', type: '9,5,s', hex: '0x09b' },
  { id: 36, bits: 'ap_ufixed<8,4>(15.9375) + ap_fixed<8,4>(-8)', type: '10,6,s', hex: '0x07f' },
  { id: 37, bits: 'ap_ufixed<8,4>(1) - ap_ufixed<8,4>(2)', type: '9,5,s', hex: '0x1f0' },
  { id: 38, bits: 'ap_fixed<8,4>(-8) * ap_ufixed<8,4>(15.9375)', type: '16,8,s', hex: '0x8080' },
  { id: 39, bits: 'ap_fixed<16,6>(1.5) * 2', type: '48,38,s', hex: '0x000000000c00' },
  { id: 40, bits: 'ap_fixed<16,6>(1.5) + 1', type: '43,33,s', hex: '0x00000000a00' },
  { id: 41, bits: 'ap_fixed<8,4>(1.5) + ap_int<8>(3)', type: '13,9,s', hex: '0x0048' },
  { id: 42, bits: 'ap_fixed<8,4>(7.5) / ap_fixed<8,4>(-2.25)', type: '13,9,s', hex: '0x1fcb' },
  { id: 43, bits: 'ap_fixed<8,8>(-128) / ap_fixed<8,8>(-1)', type: '9,9,s', hex: '0x180' },
  { id: 44, bits: '-ap_fixed<8,4>(-8)', type: '9,5,s', hex: '0x080' },
  { id: 45, bits: '-ap_ufixed<8,4>(15.9375)', type: '9,5,s', hex: '0x101' },
  { id: 46, bits: 'ap_int<8>(100) + ap_uint<8>(200)', type: 'int 10,s', hex: '0x12c' },
  { id: 47, bits: 'ap_uint<8>(3) - ap_uint<8>(5)', type: 'int 9,s', hex: '0x1fe' },
  { id: 48, bits: '-ap_uint<8>(200)', type: 'int 9,s', hex: '0x138' },
  { id: 49, bits: 'ap_uint<48>(1000) / ap_int<5>(-8)', type: 'int 49,s', hex: '0x0000000000000' },
  {
    id: 50,
    bits: lambda('ap_fixed<8,4> a = 7.5; a += ap_fixed<8,4>(1); return a;'),
    type: '8,4,s',
    hex: '0x88',
  },
  {
    id: 51,
    bits: lambda('ap_fixed<8,4,AP_RND,AP_SAT> a = 7.5; a += 1; return a;'),
    type: '8,4,s',
    hex: '0x7f',
  },
  {
    id: 52,
    bits: lambda('ap_fixed<8,4,AP_RND_CONV> a = 1; a *= ap_fixed<8,2>(0.40625); return a;'),
    type: '8,4,s',
    hex: '0x06',
  },
  {
    id: 53,
    bits: lambda('ap_fixed<8,4,AP_RND> a = 1; a *= ap_fixed<8,2>(0.40625); return a;'),
    type: '8,4,s',
    hex: '0x07',
  },
  {
    id: 54,
    bits: lambda('ap_fixed<8,4> a = 1; a *= ap_fixed<8,2>(-0.40625); return a;'),
    type: '8,4,s',
    hex: '0xf9',
  },
  {
    id: 55,
    bits: lambda(
      'ap_fixed<10,4> acc = 0; acc += ap_fixed<8,4>(0.75) * ap_fixed<8,4>(-1.5);' +
        ' acc += ap_fixed<8,4>(1.25) * ap_fixed<8,4>(1.75); return acc;',
    ),
    type: '10,4,s',
    hex: '0x044',
  },
  {
    id: 56,
    bits: lambda('ap_fixed<8,4,AP_TRN,AP_SAT> s = 7.9375; ++s; return s;'),
    type: '8,4,s',
    hex: '0x7f',
  },
  { id: 57, bits: 'ap_fixed<8,4,AP_TRN,AP_SAT>(3.25) << 2', type: '8,4,s', hex: '0xd0' },
  { id: 58, bits: 'ap_fixed<8,4>(-2.5) >> 1', type: '8,4,s', hex: '0xec' },
  { id: 59, bits: 'ap_fixed<8,4>(-2.5) >> 9', type: '8,4,s', hex: '0xff' },
  { id: 60, bits: 'ap_fixed<8,4>(-2.5) << -1', type: '8,4,s', hex: '0xec' },
  { id: 61, bits: 'ap_int<8>(1) << 10', type: 'int 8,s', hex: '0x00' },
  { id: 62, bool: 'ap_fixed<32,16>(-1) < ap_ufixed<32,16>(1)', value: false },
  { id: 63, bool: 'ap_fixed<16,8>(-1) < ap_ufixed<16,8>(1)', value: true },
  { id: 64, bool: 'ap_int<32>(-1) == ap_uint<32>(0xFFFFFFFFu)', value: false },
  { id: 65, bool: 'ap_int<31>(-1) == ap_uint<32>(0xFFFFFFFFu)', value: true },
  { id: 66, bool: 'ap_fixed<8,4>(0.1) == 0.1', value: false },
  { id: 67, bool: 'ap_fixed<8,4>(0.1) == 0.0625', value: true },
  { id: 68, int: 'ap_fixed<8,4>(-7.5).to_int()', value: -7 },
  { id: 69, int: 'ap_fixed<8,0>(-0.5).to_int()', value: -1 },
  { id: 70, int: 'ap_int<8>(ap_fixed<8,4>(-7.5)).to_int()', value: -7 },
  { id: 71, f32: `${X71}.to_float()`, hex: '0x3f800001' },
  { id: 72, f32: `(float)${X71}.to_double()`, hex: '0x3f800000' },
  {
    id: 73,
    f64: 'sp::from_raw_bits<ap_fixed<64,12> >((1ull << 53) + 1).to_double()',
    hex: '0x4000000000000000',
  },
  {
    id: 74,
    f64: 'sp::from_raw_bits<ap_fixed<64,12> >((1ull << 53) + 3).to_double()',
    hex: '0x4000000000000002',
  },
  { id: 75, text: 'os << ap_fixed<16,6>(3.140625);', value: '3.14063' },
  { id: 76, text: 'os << std::setprecision(2) << ap_fixed<8,4>(0.125);', value: '0.13' },
  { id: 77, text: 'os << ap_fixed<20,2>(0.0000076);', value: '3.8147e-06' },
  { id: 78, text: 'os << ap_fixed<24,20>(123456.75);', value: '123457' },
  { id: 79, text: 'os << std::setprecision(20) << ap_fixed<24,20>(123456.75);', value: '123456.75' },
  { id: 80, text: 'os << std::setw(10) << ap_fixed<8,4>(1.5);', value: `${' '.repeat(16)}1.5` },
  { id: 81, text: 'os << std::setw(10) << ap_int<8>(-5);', value: `${' '.repeat(8)}-5` },
  {
    id: 82,
    bits: 'ap_fixed<64,32>(-3.5) * ap_fixed<64,32>(1e9)',
    type: '128,64,s',
    hex: '0xffffffff2f623d000000000000000000',
  },
  { id: 83, f64: '(ap_int<70>(1) << 66).to_double()', hex: '0x0000000000000000' },
];
