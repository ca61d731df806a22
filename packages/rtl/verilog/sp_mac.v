/* verilator lint_off DECLFILENAME */
/* verilator lint_off UNUSEDSIGNAL */
/* verilator lint_off UNUSEDPARAM */
/* verilator lint_off WIDTH */
// Multiply-accumulate steps shared by the conv and dense cores (packages/core/README.md: per step
// `acc += v` is the exact sum cast once into the accumulator type).

// Exact product of an input raw (XW bits, signed if XS) and a weight raw (WW, WS): PW = XW + WW
// bits, signed if either operand is (ap_fixed's operator* result type).
module sp_mul #(
  parameter integer XW = 8,
  parameter integer XS = 0,
  parameter integer WW = 8,
  parameter integer WS = 1
) (
  input wire [XW-1:0] x,
  input wire [WW-1:0] w,
  output wire [XW+WW-1:0] p
);
  wire signed [XW:0] xs = {(XS != 0) ? x[XW-1] : 1'b0, x};
  wire signed [WW:0] ws = {(WS != 0) ? w[WW-1] : 1'b0, w};
  wire signed [XW+WW+1:0] ps = xs * ws;
  assign p = ps[XW+WW-1:0];
endmodule

// One normative step `acc = cast(acc + v)`: both aligned to SF fraction bits (acc shifted left by
// AL, v by VL), summed exactly in SW bits (the C++ expression's width and signedness), then cast
// into the accumulator type (sp_cast parameters S_*).
module sp_step #(
  parameter integer AW = 16,
  parameter integer AS = 1,
  parameter integer VW = 16,
  parameter integer VS = 1,
  parameter integer AL = 0,
  parameter integer VL = 0,
  parameter integer SW = 17,
  parameter integer SF = 0,
  parameter integer SS = 1,
  parameter integer DF = 0,
  parameter integer Q = 5,
  parameter integer O = 3,
  parameter integer NB = 0
) (
  input wire [AW-1:0] acc,
  input wire [VW-1:0] v,
  output wire [AW-1:0] y
);
  wire [SW-1:0] ae = {{(SW - AW + 1){(AS != 0) ? acc[AW-1] : 1'b0}}, acc} << AL;
  wire [SW-1:0] ve = {{(SW - VW + 1){(VS != 0) ? v[VW-1] : 1'b0}}, v} << VL;
  wire [SW-1:0] sum = ae + ve;
  sp_cast #(.SW(SW), .SF(SF), .SS(SS), .DW(AW), .DF(DF), .DS(AS), .Q(Q), .O(O), .NB(NB)) u_cast (.x(sum), .y(y));
endmodule
/* verilator lint_on WIDTH */
/* verilator lint_on UNUSEDPARAM */
/* verilator lint_on UNUSEDSIGNAL */
/* verilator lint_on DECLFILENAME */
