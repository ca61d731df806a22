/* verilator lint_off DECLFILENAME */
/* verilator lint_off UNUSEDSIGNAL */
/* verilator lint_off UNUSEDPARAM */
/* verilator lint_off WIDTH */
// Dense (packages/core/README.md): acc = bias cast into the accumulator (ACC0, a constant), then
// acc += w[i][o] * x[i] for i ascending, res = acc cast into the result type.
//  - sp_dense_par: dense input all-at-once; all products at once, a sum tree (order-free MODE).
//  - sp_dense_seq: dense input all-at-once; P inputs per beat in ascending order, one cast per step
//    (any accumulator); G beats.
//  - sp_dense_sparse: SparseFlatten fused with the Dense after it: consumes the sparse tensor
//    (progressive beats of L slots), looks each slot's weights up by its pixel and adds its
//    terms (order-free accumulators only; the non-zero flattened values sit at distinct pixels).
// Weights: Keras (in, out) raws of WW bits; T_* term -> accumulator grid, S_* one step,
// R_* accumulator -> result (RCOPY: identical types).

module sp_dense_par #(
  parameter integer NIN = 4, NOUT = 1, XW = 8, XS = 0, WW = 8, WS = 1, AW = 16, AS = 1, RW = 16, LPS = 2,
  parameter [NIN*NOUT*WW-1:0] WEIGHTS = 0,
  // NZ[i*NOUT+o] = 0: the weight is zero: no multiplier, no term. Output o sums its CNT[o] non-zero
  // terms (POS: each one's position in its tree, PB bits) and its start value in a tree of
  // CNT[o] + 1 inputs (the sum is order-free), padded with registers to the full tree's latency
  parameter [NIN*NOUT-1:0] NZ = {(NIN * NOUT){1'b1}},
  parameter integer PB = 8,
  parameter [NIN*NOUT*PB-1:0] POS = 0,
  parameter [NOUT*PB-1:0] CNT = 0,
  parameter [NOUT*AW-1:0] ACC0 = 0,
  parameter integer T_SF = 0, T_DF = 0, T_Q = 5,
  parameter integer RCOPY = 1, R_SF = 0, R_DF = 0, R_DS = 1, R_Q = 5, R_O = 3, R_NB = 0
) (
  input wire clk,
  input wire rst,
  input wire start,
  input wire [NIN*XW-1:0] x,
  output reg [NOUT*RW-1:0] y,
  output wire done
);
  localparam integer PW = XW + WW;
  localparam integer PS = (XS != 0 || WS != 0) ? 1 : 0;
  localparam integer LV = $clog2(NIN + 1);
  localparam integer TL = (LPS == 0) ? 0 : (LV + LPS - 1) / LPS;
  localparam integer LAT = 2 + TL;
  sp_pulse_delay #(.D(LAT)) u_done (.clk(clk), .rst(rst), .d(start), .q(done));
  reg [NIN*NOUT*PW-1:0] p2;
  wire [NIN*NOUT*PW-1:0] p1;
  always @(posedge clk) if (start) p2 <= p1;  // the input as it is at start, held until the next
  genvar i, o;
  generate
    for (o = 0; o < NOUT; o = o + 1) begin : g_o
      localparam integer NT = CNT[o*PB +: PB];
      localparam integer LVO = $clog2(NT + 1);
      localparam integer TLO = (LPS == 0) ? 0 : (LVO + LPS - 1) / LPS;
      wire [(NT+1)*AW-1:0] terms;
      assign terms[NT*AW +: AW] = ACC0[o*AW +: AW];
      for (i = 0; i < NIN; i = i + 1) begin : g_i
        if (NZ[i*NOUT+o]) begin : g_nz
          sp_mul #(.XW(XW), .XS(XS), .WW(WW), .WS(WS)) u_mul (.x(x[i*XW +: XW]), .w(WEIGHTS[(i*NOUT+o)*WW +: WW]), .p(p1[(i*NOUT+o)*PW +: PW]));
          sp_cast #(.SW(PW), .SF(T_SF), .SS(PS), .DW(AW), .DF(T_DF), .DS(AS), .Q(T_Q), .O(3), .NB(0))
            u_t (.x(p2[(i*NOUT+o)*PW +: PW]), .y(terms[POS[(i*NOUT+o)*PB +: PB]*AW +: AW]));
        end else begin : g_zero
          assign p1[(i*NOUT+o)*PW +: PW] = {PW{1'b0}};
        end
      end
      wire [AW-1:0] acc_t, acc;
      wire unused_side;
      sp_sum_tree #(.W(AW), .NIN(NT + 1), .LPS(LPS), .SW(1)) u_sum (.clk(clk), .terms(terms), .side_in(1'b0), .sum(acc_t), .side_out(unused_side));
      sp_delay #(.W(AW), .D(TL - TLO)) u_pad (.clk(clk), .d(acc_t), .q(acc));
      wire [RW-1:0] r;
      sp_cast #(.COPY(RCOPY), .SW(AW), .SF(R_SF), .SS(AS), .DW(RW), .DF(R_DF), .DS(R_DS), .Q(R_Q), .O(R_O), .NB(R_NB)) u_r (.x(acc), .y(r));
      always @(posedge clk) y[o*RW +: RW] <= r;
    end
  endgenerate
endmodule

module sp_dense_seq #(
  parameter integer NIN = 4, NOUT = 1, XW = 8, XS = 0, WW = 8, WS = 1, AW = 16, AS = 1, RW = 16, P = 1, G = 4,
  parameter [NIN*NOUT*WW-1:0] WEIGHTS = 0,
  parameter [NOUT*AW-1:0] ACC0 = 0,
  parameter integer S_AL = 0, S_VL = 0, S_SW = 17, S_SF = 0, S_SS = 1, S_DF = 0, S_Q = 5, S_O = 3, S_NB = 0,
  parameter integer RCOPY = 1, R_SF = 0, R_DF = 0, R_DS = 1, R_Q = 5, R_O = 3, R_NB = 0
) (
  input wire clk,
  input wire rst,
  input wire start,
  input wire [NIN*XW-1:0] x,
  output reg [NOUT*RW-1:0] y,
  output wire done
);
  localparam integer PW = XW + WW;
  localparam integer PS = (XS != 0 || WS != 0) ? 1 : 0;
  localparam integer GB = (G > 1) ? $clog2(G) : 1;
  localparam integer LAT = G + 3;
  wire bvalid, bfirst, blast;
  wire [GB-1:0] beat;
  sp_beats #(.G(G), .BW(GB)) u_beats (.clk(clk), .rst(rst), .start(start), .valid(bvalid), .beat(beat), .first(bfirst), .last(blast));
  sp_pulse_delay #(.D(LAT)) u_done (.clk(clk), .rst(rst), .d(start), .q(done));
  wire out_load;
  sp_pulse_delay #(.D(LAT - 1)) u_ol (.clk(clk), .rst(rst), .d(start), .q(out_load));
  // stage 0: the beat's P inputs and their weights (zero past the last input)
  wire [P*XW-1:0] xb;
  wire [P*NOUT*WW-1:0] wb;
  wire [P-1:0] xhit_unused, whit_unused;
  wire [P-1:0] xidx_unused, widx_unused;
  sp_beat_slots #(.N_MAX(NIN), .L(P), .BW(GB), .VW(XW), .IB(1), .REG(1)) u_x (
    .clk(clk), .beat(beat), .bank(x), .val(xb), .hit(xhit_unused), .idx(xidx_unused)
  );
  sp_beat_slots #(.N_MAX(NIN), .L(P), .BW(GB), .VW(NOUT * WW), .IB(1), .REG(1)) u_w (
    .clk(clk), .beat(beat), .bank(WEIGHTS), .val(wb), .hit(whit_unused), .idx(widx_unused)
  );
  reg f1, v1, f2, v2;
  always @(posedge clk) begin
    f1 <= bfirst;
    v1 <= bvalid;
    f2 <= f1;
    v2 <= v1;
  end
  // stage 1: products; stage 2: P steps per output
  reg [P*NOUT*PW-1:0] p2;
  wire [P*NOUT*PW-1:0] p1;
  always @(posedge clk) p2 <= p1;
  reg [NOUT*AW-1:0] acc;
  genvar i, j;
  generate
    for (j = 0; j < P * NOUT; j = j + 1) begin : g_mul
      sp_mul #(.XW(XW), .XS(XS), .WW(WW), .WS(WS)) u_mul (.x(xb[(j/NOUT)*XW +: XW]), .w(wb[j*WW +: WW]), .p(p1[j*PW +: PW]));
    end
    for (i = 0; i < NOUT; i = i + 1) begin : g_o
      wire [(P+1)*AW-1:0] chain /* verilator split_var */;
      assign chain[AW-1:0] = f2 ? ACC0[i*AW +: AW] : acc[i*AW +: AW];
      for (j = 0; j < P; j = j + 1) begin : g_step
        sp_step #(.AW(AW), .AS(AS), .VW(PW), .VS(PS), .AL(S_AL), .VL(S_VL), .SW(S_SW), .SF(S_SF), .SS(S_SS), .DF(S_DF), .Q(S_Q), .O(S_O), .NB(S_NB))
          u_s (.acc(chain[j*AW +: AW]), .v(p2[(j*NOUT+i)*PW +: PW]), .y(chain[(j+1)*AW +: AW]));
      end
      always @(posedge clk) if (v2) acc[i*AW +: AW] <= chain[P*AW +: AW];
      wire [RW-1:0] r;
      sp_cast #(.COPY(RCOPY), .SW(AW), .SF(R_SF), .SS(AS), .DW(RW), .DF(R_DF), .DS(R_DS), .Q(R_Q), .O(R_O), .NB(R_NB)) u_r (.x(acc[i*AW +: AW]), .y(r));
      always @(posedge clk) if (out_load) y[i*RW +: RW] <= r;
    end
  endgenerate
endmodule

module sp_dense_sparse #(
  parameter integer N_MAX = 4, C = 1, HO = 2, WO = 2, HB = 4, L = 1, G = 4, NOUT = 1,
  parameter integer XW = 8, XS = 0, FW = 8, FS = 0, WW = 8, WS = 1, AW = 16, AS = 1, RW = 16,
  parameter [HO*WO*C*NOUT*WW-1:0] WEIGHTS = 0,
  // NZ[c*NOUT+o] = 0: channel c's weights towards output o are zero at every pixel
  parameter [C*NOUT-1:0] NZ = {(C * NOUT){1'b1}},
  parameter [NOUT*AW-1:0] ACC0 = 0,
  parameter integer FCOPY = 1, F_SF = 0, F_DF = 0, F_Q = 5, F_O = 3, F_NB = 0,
  parameter integer T_SF = 0, T_DF = 0, T_Q = 5,
  parameter integer RCOPY = 1, R_SF = 0, R_DF = 0, R_DS = 1, R_Q = 5, R_O = 3, R_NB = 0
) (
  input wire clk,
  input wire rst,
  input wire start,
  input wire [N_MAX*C*XW-1:0] x_feat,
  input wire [N_MAX*2*HB-1:0] x_hash,
  output reg [NOUT*RW-1:0] y,
  output wire done
);
  localparam integer PW = FW + WW;
  localparam integer PS = (FS != 0 || WS != 0) ? 1 : 0;
  localparam integer GB = (G > 1) ? $clog2(G) : 1;
  localparam integer LAT = G + 3;
  wire bvalid, bfirst, blast;
  wire [GB-1:0] beat;
  sp_beats #(.G(G), .BW(GB)) u_beats (.clk(clk), .rst(rst), .start(start), .valid(bvalid), .beat(beat), .first(bfirst), .last(blast));
  sp_pulse_delay #(.D(LAT)) u_done (.clk(clk), .rst(rst), .d(start), .q(done));
  wire out_load;
  sp_pulse_delay #(.D(LAT - 1)) u_ol (.clk(clk), .rst(rst), .d(start), .q(out_load));
  // stage 0: the beat's slots: flattened values and their weights, looked up by pixel
  // (address {h - 1, w - 1}: row and column bits side by side, no multiplication)
  localparam integer RB2 = (HO > 1) ? $clog2(HO) : 1;
  localparam integer CB2 = (WO > 1) ? $clog2(WO) : 1;
  wire [L*C*XW-1:0] xl0;
  wire [L*2*HB-1:0] hl0;
  wire [L-1:0] jv0, xhit_unused;
  wire [L-1:0] xidx_unused, hidx_unused;
  sp_beat_slots #(.N_MAX(N_MAX), .L(L), .BW(GB), .VW(C * XW), .IB(1), .REG(0)) u_x (
    .clk(clk), .beat(beat), .bank(x_feat), .val(xl0), .hit(xhit_unused), .idx(xidx_unused)
  );
  sp_beat_slots #(.N_MAX(N_MAX), .L(L), .BW(GB), .VW(2 * HB), .IB(1), .REG(0)) u_h (
    .clk(clk), .beat(beat), .bank(x_hash), .val(hl0), .hit(jv0), .idx(hidx_unused)
  );
  wire [L*C*FW-1:0] fx2;
  wire [L*C*NOUT*WW-1:0] w2;
  reg f2, v2, f3, v3;
  genvar l, c, o;
  generate
    for (l = 0; l < L; l = l + 1) begin : g_lane
      wire [C*XW-1:0] xv = xl0[l*C*XW +: C*XW];
      wire [HB-1:0] h = hl0[2*l*HB +: HB];
      wire [HB-1:0] w = hl0[(2*l+1)*HB +: HB];
      wire jv = jv0[l];
      wire ok = jv && h >= 1 && h <= HO && w >= 1 && w <= WO;
      wire [HB-1:0] hm = h - 1'b1;
      wire [HB-1:0] wm = w - 1'b1;
      wire [RB2+CB2-1:0] addr = {hm[RB2-1:0], wm[CB2-1:0]};
      for (c = 0; c < C; c = c + 1) begin : g_c
        wire [FW-1:0] fv;
        sp_cast #(.COPY(FCOPY), .SW(XW), .SF(F_SF), .SS(XS), .DW(FW), .DF(F_DF), .DS(FS), .Q(F_Q), .O(F_O), .NB(F_NB)) u_f (.x(xv[c*XW +: XW]), .y(fv));
        // zeros are never written by the flatten: they contribute nothing
        reg [FW-1:0] fq;
        always @(posedge clk) fq <= (xv[c*XW +: XW] != 0) ? fv : {FW{1'b0}};
        assign fx2[(l*C+c)*FW +: FW] = fq;
        for (o = 0; o < NOUT; o = o + 1) begin : g_w
          (* rom_style = "logic" *) reg [WW-1:0] rom [0:(1 << (RB2 + CB2)) - 1];
          reg [WW-1:0] wq;
          integer r;
          initial
            for (r = 0; r < (1 << (RB2 + CB2)); r = r + 1)
              rom[r] = ((r >> CB2) < HO && (r % (1 << CB2)) < WO)
                ? WEIGHTS[((((r >> CB2) * WO + (r % (1 << CB2))) * C + c) * NOUT + o) * WW +: WW] : {WW{1'b0}};
          always @(posedge clk) wq <= ok ? rom[addr] : {WW{1'b0}};
          assign w2[((l*C+c)*NOUT+o)*WW +: WW] = wq;
        end
      end
    end
  endgenerate
  always @(posedge clk) begin
    f2 <= bfirst;
    v2 <= bvalid;
    f3 <= f2;
    v3 <= v2;
  end
  // stage 1: products; stage 2: accumulate
  reg [L*C*NOUT*PW-1:0] p3;
  wire [L*C*NOUT*PW-1:0] p2;
  always @(posedge clk) p3 <= p2;
  reg [NOUT*AW-1:0] acc;
  genvar j;
  generate
    for (j = 0; j < L * C * NOUT; j = j + 1) begin : g_mul
      if (NZ[j % (C * NOUT)]) begin : g_nz
        sp_mul #(.XW(FW), .XS(FS), .WW(WW), .WS(WS)) u_mul (.x(fx2[(j/NOUT)*FW +: FW]), .w(w2[j*WW +: WW]), .p(p2[j*PW +: PW]));
      end else begin : g_zero
        assign p2[j*PW +: PW] = {PW{1'b0}};
      end
    end
    for (o = 0; o < NOUT; o = o + 1) begin : g_o
      reg [AW-1:0] s;
      wire [L*C*AW-1:0] t;
      for (j = 0; j < L * C; j = j + 1) begin : g_t
        sp_cast #(.SW(PW), .SF(T_SF), .SS(PS), .DW(AW), .DF(T_DF), .DS(AS), .Q(T_Q), .O(3), .NB(0))
          u_t (.x(p3[(j*NOUT+o)*PW +: PW]), .y(t[j*AW +: AW]));
      end
      integer k;
      always @* begin
        s = f3 ? ACC0[o*AW +: AW] : acc[o*AW +: AW];
        for (k = 0; k < L * C; k = k + 1) s = s + t[k*AW +: AW];
      end
      always @(posedge clk) if (v3) acc[o*AW +: AW] <= s;
      wire [RW-1:0] r;
      sp_cast #(.COPY(RCOPY), .SW(AW), .SF(R_SF), .SS(AS), .DW(RW), .DF(R_DF), .DS(R_DS), .Q(R_Q), .O(R_O), .NB(R_NB)) u_r (.x(acc[o*AW +: AW]), .y(r));
      always @(posedge clk) if (out_load) y[o*RW +: RW] <= r;
    end
  endgenerate
endmodule
/* verilator lint_on WIDTH */
/* verilator lint_on UNUSEDPARAM */
/* verilator lint_on UNUSEDSIGNAL */
/* verilator lint_on DECLFILENAME */
