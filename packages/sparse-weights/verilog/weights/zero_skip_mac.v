// zero_skip_mac: accumulates a stream of (weight, input) pairs with the IR's fixed-point semantics
// (docs/semantics.md#accumulate): per pair, the exact product w * x (XW + WW bits), the exact sum with
// the accumulator aligned to SF fraction bits in the SW-bit sum type, then one conversion into the
// accumulator type (its Q, O, NB). A pair whose input is zero is skipped (adding an exact zero leaves
// the accumulator unchanged); zero weights never arrive (the weight store holds non-zero weights
// only; the caller fetches x[index] for each stored (index, value) entry).
//
//   start      loads acc_init (the bias converted to the accumulator type, or 0) and clears `macs`
//   in_valid   a pair is present on in_value (weight raw) / x_value (input raw) this cycle
//   acc        the accumulator, updated at the clock edge after each pair
//   macs       multiply-accumulates performed since start (pairs with a non-zero input)
//
// The sum-type parameters (SW, SF, ASH, PSH) come from the generator (src/rtl/dot-product-design.ts), which
// takes them from the same rules as the interpreter (core's result types).
/* verilator lint_off UNUSEDSIGNAL */
module zero_skip_mac #(
  parameter integer XW = 8,
  parameter integer XS = 0,
  parameter integer WW = 8,
  parameter integer WS = 1,
  parameter integer AW = 16,
  parameter integer AS = 1,
  parameter integer AF = 8,
  parameter integer SW = 17,
  parameter integer SF = 8,
  parameter integer ASH = 0,
  parameter integer PSH = 0,
  parameter integer Q = 5,
  parameter integer O = 3,
  parameter integer NB = 0
) (
  input  wire          clk,
  input  wire          start,
  input  wire [AW-1:0] acc_init,
  input  wire          in_valid,
  input  wire [WW-1:0] in_value,
  input  wire [XW-1:0] x_value,
  output reg  [AW-1:0] acc,
  output reg  [31:0]   macs
);
  localparam integer PW = XW + WW;  // exact product width
  localparam integer PS = (XS != 0 || WS != 0) ? 1 : 0;
  localparam integer SS = (AS != 0 || PS != 0) ? 1 : 0;

  // the exact product (sp_mul) and one step acc = cast(acc + product) (sp_step: both operands
  // extended to the sum type, aligned, summed exactly, converted once); @sparsepixels/rtl's library
  wire [XW-1:0] xi = x_value;
  wire [PW-1:0] prod;
  sp_mul #(.XW(XW), .XS(XS), .WW(WW), .WS(WS)) u_mul (.x(xi), .w(in_value), .p(prod));
  wire [AW-1:0] next;
  sp_step #(.AW(AW), .AS(AS), .VW(PW), .VS(PS), .AL(ASH), .VL(PSH), .SW(SW), .SF(SF), .SS(SS), .DF(AF), .Q(Q), .O(O), .NB(NB))
    u_step (.acc(acc), .v(prod), .y(next));

  always @(posedge clk) begin
    if (start) begin
      acc <= acc_init;
      macs <= 32'd0;
    end else if (in_valid && xi != {XW{1'b0}}) begin
      acc <= next;
      macs <= macs + 32'd1;
    end
  end
endmodule
/* verilator lint_on UNUSEDSIGNAL */
