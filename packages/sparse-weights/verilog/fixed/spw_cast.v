// spw_cast: `dst = src` of ap_fixed on raw bits (docs/semantics.md, sections 1.3-1.5): quantize to
// the destination grid with mode Q, then apply overflow mode O with NB saturation bits.
// Combinational. Source: SW bits, SF fraction bits (may be negative), signed if SS; SW is the width
// of the C++ expression being converted (AP_WRAP_SM reads its bit above the destination).
// Destination: DW bits, DF fraction bits, signed if DS.
// Mode numbers (the RTL backend's convention):
//   Q: 0 AP_RND, 1 AP_RND_ZERO, 2 AP_RND_MIN_INF, 3 AP_RND_INF, 4 AP_RND_CONV, 5 AP_TRN, 6 AP_TRN_ZERO
//   O: 0 AP_SAT, 1 AP_SAT_ZERO, 2 AP_SAT_SYM, 3 AP_WRAP, 4 AP_WRAP_SM
// This is the weight-store blocks' own copy; it is meant to be replaced by the RTL backend's cast
// module (same parameters) once both live in one package.
/* verilator lint_off UNUSEDSIGNAL */
/* verilator lint_off WIDTH */
module spw_cast #(
  parameter integer SW = 8,
  parameter integer SF = 0,
  parameter integer SS = 1,
  parameter integer DW = 8,
  parameter integer DF = 0,
  parameter integer DS = 1,
  parameter integer Q = 5,
  parameter integer O = 3,
  parameter integer NB = 0
) (
  input  wire [SW-1:0] x,
  output wire [DW-1:0] y
);
  localparam integer D = SF - DF;           // fraction bits dropped (> 0) or added (< 0)
  localparam integer DROP = D > 0 ? D : 0;
  localparam integer ADD = D < 0 ? -D : 0;
  // the source sign-extended with room for the shift and the rounding increment
  localparam integer EW = SW + DROP + ADD + 3;
  localparam integer CW = (EW > DW + 2 ? EW : DW + 2) + 1;  // comparison width

  wire neg = SS != 0 && x[SW-1];
  wire signed [EW-1:0] xe = {{(EW - SW){neg}}, x};

  // quantization: q = floor(x / 2^D) + inc (D > 0), or x * 2^-D exactly (D <= 0)
  wire signed [EW-1:0] fl = xe >>> DROP;
  wire half;
  wire below;
  generate
    if (DROP >= 1) begin : g_half
      assign half = xe[DROP-1];
    end else begin : g_nohalf
      assign half = 1'b0;
    end
    if (DROP >= 2) begin : g_below
      assign below = |xe[DROP-2:0];
    end else begin : g_nobelow
      assign below = 1'b0;
    end
  endgenerate
  wire inexact = half | below;
  wire inc = Q == 0 ? half
           : Q == 1 ? half & (below | neg)
           : Q == 2 ? half & below
           : Q == 3 ? half & (below | ~neg)
           : Q == 4 ? half & (below | fl[0])
           : Q == 6 ? neg & inexact
           : 1'b0;
  wire signed [CW-1:0] q = D > 0 ? {{(CW - EW){fl[EW-1]}}, fl} + inc : {{(CW - EW){xe[EW-1]}}, xe} <<< ADD;

  // destination range
  wire signed [CW-1:0] one = 1;
  wire signed [CW-1:0] hi = DS != 0 ? (one <<< (DW - 1)) - one : (one <<< DW) - one;
  wire signed [CW-1:0] lo = DS != 0 ? -(one <<< (DW - 1)) : {CW{1'b0}};
  wire signed [CW-1:0] lo_sym = DS != 0 && DW >= 2 ? lo + one : lo;
  wire above = q > hi;
  wire under = q < lo;
  wire outside = above | under;
  wire s = q[CW-1];
  wire [DW-1:0] v = q[DW-1:0];

  // AP_WRAP_SM with NB = 0 reads bit DW + D of the source (0 outside the source's SW bits)
  localparam integer LD_BIT = DW + D;
  wire ld;
  generate
    if (LD_BIT >= 0 && LD_BIT < SW) begin : g_ld
      assign ld = x[LD_BIT];
    end else begin : g_ld0
      assign ld = 1'b0;
    end
  endgenerate

  localparam integer FLIP_BIT = NB >= 1 && NB <= DW ? DW - NB : 0;  // AP_WRAP_SM, NB >= 2
  reg [DW-1:0] r;
  reg [DW-1:0] f;
  integer k;
  always @* begin
    r = v;
    f = v;
    if (O == 2 && DS != 0) begin
      // AP_SAT_SYM, signed: every converted value is clamped to [lo + 1, hi] (W = 1 keeps -1)
      r = above ? hi[DW-1:0] : q < lo_sym ? lo_sym[DW-1:0] : v;
    end else if (O == 0 || O == 2) begin
      r = above ? hi[DW-1:0] : under ? lo[DW-1:0] : v;
    end else if (O == 1) begin
      r = outside ? {DW{1'b0}} : v;
    end else if (O == 3) begin
      if (outside && NB > 0)
        for (k = 0; k < DW; k = k + 1)
          if (k >= DW - NB) r[k] = DS != 0 ? (k == DW - 1 ? s : ~s) : 1'b1;
    end else if (outside) begin
      // AP_WRAP_SM (signed destinations)
      if (NB == 0) begin
        if (ld != v[DW-1]) f = ~v;
        f[DW-1] = ld;
      end else if (NB == 1) begin
        if (s != v[DW-1]) f = ~v;
        f[DW-1] = s;
      end else begin
        if (v[FLIP_BIT] == s) f = ~v;
        for (k = 0; k < DW; k = k + 1)
          if (k >= DW - NB && k < DW - 1) f[k] = ~s;
        f[DW-1] = s;
      end
      r = f;
    end
  end
  assign y = r;
endmodule
/* verilator lint_on WIDTH */
/* verilator lint_on UNUSEDSIGNAL */
