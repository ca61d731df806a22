/* verilator lint_off DECLFILENAME */
/* verilator lint_off UNUSEDSIGNAL */
/* verilator lint_off UNUSEDPARAM */
/* verilator lint_off WIDTH */
// sp_cast: the ap_fixed conversion `dst = src` on raw bits, for every quantization and overflow
// mode (packages/core/README.md and core's cast-raw-big.ts are the normative description).
// Purely combinational. Source: SW bits, SF fractional bits (may be negative), signed if SS.
// Destination: DW bits, DF fractional bits, signed if DS, modes Q and O, saturation bits NB.
// COPY = 1: source and destination types are identical (the emitters' RCOPY/FCOPY): the bits are
// copied and the conversion logic is left unused.
// SW must be the width of the C++ expression being converted (AP_WRAP_SM reads the bit above it).
//   Q: 0 AP_RND, 1 AP_RND_ZERO, 2 AP_RND_MIN_INF, 3 AP_RND_INF, 4 AP_RND_CONV, 5 AP_TRN, 6 AP_TRN_ZERO
//   O: 0 AP_SAT, 1 AP_SAT_ZERO, 2 AP_SAT_SYM, 3 AP_WRAP, 4 AP_WRAP_SM
module sp_cast #(
  parameter integer COPY = 0,
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
  // d > 0: d fraction bits are dropped (quantized); d <= 0: exact left shift.
  localparam integer D = SF - DF;
  localparam integer DP = (D > 0) ? D : 0;
  localparam integer DN = (D < 0) ? -D : 0;
  // Width of the quantized value q (signed, room for the rounding increment).
  localparam integer KEEP = (SW - DP > 1) ? SW - DP : 1;
  localparam integer QW = KEEP + DN + 2;
  // Common width for range checks against the destination bounds.
  localparam integer CW = ((QW > DW + 1) ? QW : DW + 1) + 1;

  // Source extended by its signedness to SW + DP + 1 bits (so the dropped bits are x mod 2^D).
  localparam integer XW = SW + DP + 1;
  wire sign_x = (SS != 0) ? x[SW-1] : 1'b0;
  wire [XW-1:0] xe = {{(DP + 1){sign_x}}, x};

  wire signed [QW-1:0] q;
  wire ld;  // bit DW of the truncated aligned source (AP_WRAP_SM, NB = 0)

  generate
    if (D > 0) begin : g_quant
      wire [D-1:0] rem = xe[D-1:0];
      wire signed [QW-1:0] fl;
      // floor(x / 2^D): the kept bits, sign-extended
      if (SW - D >= 1) begin : g_fl_keep
        assign fl = {{(QW - (SW - D)){sign_x}}, x[SW-1:D]};
      end else begin : g_fl_sign
        assign fl = {QW{sign_x}};
      end
      wire half = rem[D-1];
      wire below;  // any dropped bit below the half bit
      if (D >= 2) begin : g_below
        assign below = |rem[D-2:0];
      end else begin : g_below0
        assign below = 1'b0;
      end
      wire gt_half = half & below;
      wire eq_half = half & ~below;
      wire neg = sign_x;
      wire inc = (Q == 0) ? half
               : (Q == 1) ? (gt_half | (eq_half & neg))
               : (Q == 2) ? gt_half
               : (Q == 3) ? (gt_half | (eq_half & ~neg))
               : (Q == 4) ? (gt_half | (eq_half & fl[0]))
               : (Q == 6) ? (neg & (half | below))
               : 1'b0;
      assign q = fl + {{(QW - 1){1'b0}}, inc};
      if (DW + D < SW && DW + D >= 0) begin : g_ld
        assign ld = x[DW+D];
      end else begin : g_ld0
        assign ld = 1'b0;
      end
    end else begin : g_exact
      wire signed [QW-1:0] xs = {{(QW - SW){sign_x}}, x};
      assign q = xs <<< DN;
      if (DW + D < SW && DW + D >= 0) begin : g_ld
        assign ld = x[DW+D];
      end else begin : g_ld0
        assign ld = 1'b0;
      end
    end
  endgenerate

  // Destination range [lo, hi] in a common width.
  wire signed [CW-1:0] qc = {{(CW - QW){q[QW-1]}}, q};
  wire signed [CW-1:0] one = 1;
  wire signed [CW-1:0] hi = (DS != 0) ? (one <<< (DW - 1)) - one : (one <<< DW) - one;
  wire signed [CW-1:0] lo = (DS != 0) ? -(one <<< (DW - 1)) : {CW{1'b0}};
  wire over = qc > hi;
  wire under = qc < lo;
  wire s = q[QW-1];
  wire [DW-1:0] v = qc[DW-1:0];

  wire [DW-1:0] yc;  // the conversion's result
  generate
    if (O == 2 && DS != 0) begin : g_sat_sym
      // AP_SAT_SYM on a signed type clamps to [lo + 1, hi] (also an in-range lo; W = 1 keeps -1)
      wire signed [CW-1:0] lo_sym = (DW >= 2) ? lo + one : lo;
      assign yc = over ? hi[DW-1:0] : (qc < lo_sym) ? lo_sym[DW-1:0] : v;
    end else if (O == 0 || O == 2) begin : g_sat
      assign yc = over ? hi[DW-1:0] : under ? lo[DW-1:0] : v;
    end else if (O == 1) begin : g_sat_zero
      assign yc = (over || under) ? {DW{1'b0}} : v;
    end else if (O == 3 && NB == 0) begin : g_wrap
      assign yc = v;
    end else if (O == 3) begin : g_wrap_n
      // AP_WRAP with N saturation bits: the top N bits show the direction of the overflow
      reg [DW-1:0] mark;
      integer k;
      always @* begin
        for (k = 0; k < DW; k = k + 1) begin
          if (k < DW - NB) mark[k] = v[k];
          else if (DS != 0) mark[k] = (k == DW - 1) ? s : ~s;
          else mark[k] = 1'b1;
        end
      end
      assign yc = (over || under) ? mark : v;
    end else begin : g_wrap_sm
      // AP_WRAP_SM (signed destinations only; 1 <= NB <= DW when NB > 0)
      localparam integer FB = (NB >= 2) ? DW - NB : DW - 1;  // bit that decides the inversion
      wire flip = (NB == 0) ? (ld != v[DW-1]) : (NB == 1) ? (s != v[DW-1]) : (v[FB] == s);
      wire top = (NB == 0) ? ld : s;
      wire [DW-1:0] f = flip ? ~v : v;
      reg [DW-1:0] sm;
      integer k;
      always @* begin
        for (k = 0; k < DW; k = k + 1) begin
          if (k == DW - 1) sm[k] = top;
          else if (NB >= 2 && k >= DW - NB) sm[k] = ~s;
          else sm[k] = f[k];
        end
      end
      assign yc = (over || under) ? sm : v;
    end
  endgenerate
  generate
    if (COPY != 0) begin : g_copy
      assign y = x;
    end else begin : g_conv
      assign y = yc;
    end
  endgenerate
endmodule
/* verilator lint_on WIDTH */
/* verilator lint_on UNUSEDPARAM */
/* verilator lint_on UNUSEDSIGNAL */
/* verilator lint_on DECLFILENAME */
