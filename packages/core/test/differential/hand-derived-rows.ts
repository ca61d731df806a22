// Smoke rows for the parts of the API that docs/semantics.md#fixed-worked-examples has no worked
// example for (%, & | ^ ~, ++/--, range and bit access, implicit conversions, more printing).
// Each expected value was derived by hand from the rule cited beside it, not by running code.
import { lambda, type SmokeRow } from './worked-examples';

export const HAND_DERIVED_ROWS: SmokeRow[] = [
  // §6.5 %: min(W1, W2 + [S1 & !S2]) bits, left signedness; C remainder for signed temporaries.
  { id: 101, bits: 'ap_int<8>(-7) % ap_int<8>(3)', type: 'int 8,s', hex: '0xff' },
  // §6.5 %: the wider unsigned operand makes the temporaries unsigned: 200 % (512 - 3) = 200 -> 4 bits.
  { id: 102, bits: 'ap_uint<8>(200) % ap_int<4>(-3)', type: 'int 4,u', hex: '0x8' },
  // §6.5 & | ^: Wu bits, operands extended by their own signedness.
  { id: 103, bits: 'ap_int<8>(0x5a) & ap_uint<4>(0xf)', type: 'int 8,s', hex: '0x0a' },
  { id: 104, bits: 'ap_int<4>(-2) ^ ap_uint<8>(0x0f)', type: 'int 9,s', hex: '0x1f1' },
  { id: 105, bits: 'ap_uint<6>(5) | ap_uint<6>(0x30)', type: 'int 6,u', hex: '0x35' },
  { id: 106, bits: '~ap_uint<6>(5)', type: 'int 6,u', hex: '0x3a' },
  // §6.5 /: unsigned temporaries; W1 + S2 bits. lo / -1 on signed ints is exact in W1 + 1 bits.
  { id: 107, bits: 'ap_uint<4>(12) / ap_uint<4>(5)', type: 'int 4,u', hex: '0x2' },
  { id: 108, bits: 'ap_int<8>(-128) / ap_int<8>(-1)', type: 'int 9,s', hex: '0x080' },
  // §6.4 ++/--: add 1 exactly, write back with the variable's modes (ap_int wraps, AP_SAT clamps).
  { id: 109, bits: lambda('ap_int<4> a = 7; ++a; return a;'), type: 'int 4,s', hex: '0x8' },
  {
    id: 110,
    bits: lambda('ap_fixed<8,4,AP_TRN,AP_SAT> a = -7.5; a--; return a;'),
    type: '8,4,s',
    hex: '0x80',
  },
  { id: 111, bits: lambda('ap_ufixed<8,6> a = 2.25; ++a; return a;'), type: '8,6,u', hex: '0x0d' },
  // §14 range / bit access on the raw pattern.
  { id: 112, int: 'int(ap_uint<16>(0xabcd).range(11, 4).to_uint64())', value: 0xbc },
  { id: 113, int: 'int(ap_fixed<8,4>(-1.5).range(7, 4))', value: 14 },
  {
    id: 114,
    bits: lambda('ap_uint<16> a = 0xabcd; a.range(7, 0) = 0x12; return a;'),
    type: 'int 16,u',
    hex: '0xab12',
  },
  { id: 115, bool: 'ap_int<8>(-128)[7]', value: true },
  { id: 116, bits: lambda('ap_uint<8> a = 0; a[3] = 1; return a;'), type: 'int 8,u', hex: '0x08' },
  { id: 117, bits: 'ap_uint<12>(ap_int<16>(-1).range(11, 0))', type: 'int 12,u', hex: '0xfff' },
  { id: 133, bits: lambda('ap_int<8> x = -3; ap_uint<1> s = x[7]; return s;'), type: 'int 1,u', hex: '0x1' },
  // §4.5 / §5 implicit conversions, §6.3 ap_int (+) double is double arithmetic.
  { id: 118, f64: lambda('double d = ap_fixed<8,4>(1.25); return d;'), hex: '0x3ff4000000000000' },
  { id: 119, int: lambda('int i = ap_fixed<8,4>(-3.75); return i;'), value: -3 },
  { id: 120, int: '(long long)ap_fixed<40,38>(-3.75)', value: -3 },
  { id: 121, bool: lambda('bool b = ap_fixed<8,4>(0.0625); return b;'), value: true },
  { id: 122, f64: 'ap_int<8>(3) + 1.5', hex: '0x4012000000000000' },
  { id: 123, int: 'int(ap_uint<8>(200))', value: 200 },
  { id: 124, int: 'ap_fixed<18,8>::width * 100 + ap_fixed<18,8>::iwidth', value: 1808 },
  // §9.3 / §9.4 comparisons with C integers and doubles.
  { id: 125, bool: 'ap_fixed<8,4>(2.5) >= 2.5', value: true },
  { id: 126, bool: 'ap_ufixed<8,4>(0) > 0', value: false },
  { id: 127, bool: 'ap_fixed<8,4>(-0.0625) < 0', value: true },
  { id: 128, bool: '0u != ap_uint<8>(0)', value: false },
  // §10.1 printing: sign, integers, rounding that carries into a new digit.
  { id: 129, text: 'os << ap_fixed<8,4>(-0.5);', value: '-0.5' },
  { id: 130, text: 'os << ap_ufixed<8,8>(200);', value: '200' },
  { id: 131, text: 'os << std::setprecision(3) << ap_fixed<16,8>(-99.99);', value: '-100' },
  { id: 132, text: 'os << ap_int<70>(-1) * ap_int<41>(1000000000000LL);', value: '-1000000000000' },
  // Printing rule of hls-include/README.md ("Printing"). Rows 134-135 are the reference's own output
  // as reported in issue 14 (our header printed 2e+02 and 1.1e+03); the rest follow from the rule.
  { id: 134, text: 'os << std::setprecision(1) << ap_ufixed<16,10>(105.015625);', value: '1e+02' },
  { id: 135, text: 'os << std::setprecision(2) << ap_ufixed<16,10>(1005.015625);', value: '1e+03' },
  { id: 136, text: 'os << std::setprecision(1) << ap_fixed<32,20>(195.5);', value: '2e+02' }, // a 9 carries
  { id: 137, text: 'os << std::setprecision(3) << ap_fixed<32,20>(-12365.5);', value: '-1.23e+04' },
  { id: 138, text: 'os << std::setprecision(3) << ap_fixed<32,20>(12.375);', value: '12.4' }, // half-up
  // Only precision, width and fill are read: floatfield and showpos change nothing.
  { id: 139, text: 'os << std::fixed << std::setprecision(2) << ap_fixed<16,8>(3.140625);', value: '3.1' },
  { id: 140, text: 'os << std::scientific << std::showpos << ap_fixed<16,8>(-2.5);', value: '-2.5' },
  {
    id: 141,
    text: "os << std::showpos << std::setw(5) << std::setfill('*') << ap_fixed<16,8>(2.5);",
    value: '******2.5',
  },
  { id: 142, text: 'os << std::setprecision(1) << ap_uint<24>(1234567);', value: '1234567' },
];
