/* verilator lint_off DECLFILENAME */
/* verilator lint_off UNUSEDSIGNAL */
/* verilator lint_off UNUSEDPARAM */
/* verilator lint_off WIDTH */
// SparseConv2D (submanifold, K odd, stride 1, 'same'; packages/core/README.md). Two cores:
//  - sp_conv_gather: input all-at-once, output progressive (beat b = output slots bL..bL+L-1 at
//    done + b). Per output slot: N_MAX neighbour taps, weight lookup, products, a sum tree. Needs an
//    order-free accumulator (every term cast into the accumulator grid and summed modulo 2^AW).
//  - sp_conv_scatter: input progressive (beat b = input slots at start + b, every hash at start),
//    output all-at-once. Each beat adds its slots' terms to all N_MAX accumulators in the normative
//    order (slots ascending, channels ascending): order-free (MODE 0) or one cast per step (MODE 1).
// Weights: Keras (kh, kw, cin, cout) raws, WW bits each; bias: COUT raws of BW bits.
// Parameter groups: T_* term -> accumulator grid (order-free), S_* one step acc + product,
// B_* step acc + bias, R_* accumulator -> result (RCOPY = 1: identical types, bits copied).

module sp_conv_gather #(
  parameter integer N_MAX = 4, CIN = 1, COUT = 1, K = 3, HB = 4, L = 1, G = 4,
  parameter integer XW = 8, XS = 0, WW = 8, WS = 1, BW = 8, BS = 1,
  parameter integer AW = 16, AS = 1, RW = 16, DB = 2, LPS = 2, MASK = 0,
  parameter [K*K*CIN*COUT*WW-1:0] WEIGHTS = 0,
  // NZ[c*COUT+f] = 0: every tap of kernel slice (c, f) is zero; its products are constant zeros
  parameter [CIN*COUT-1:0] NZ = {(CIN * COUT){1'b1}},
  parameter [COUT*BW-1:0] BIAS = 0,
  parameter integer T_SF = 0, T_DF = 0, T_Q = 5,
  parameter integer B_AL = 0, B_VL = 0, B_SW = 17, B_SF = 0, B_SS = 1, B_DF = 0, B_Q = 5, B_O = 3, B_NB = 0,
  parameter integer RCOPY = 1, R_SF = 0, R_DF = 0, R_DS = 1, R_Q = 5, R_O = 3, R_NB = 0
) (
  input wire clk,
  input wire rst,
  input wire start,
  input wire [N_MAX*CIN*XW-1:0] x_feat,
  input wire [N_MAX*2*HB-1:0] x_hash,
  input wire [N_MAX-1:0] x_valid,
  output wire [N_MAX*COUT*RW-1:0] y_feat,
  output wire [N_MAX*2*HB-1:0] y_hash,
  output wire [N_MAX-1:0] y_valid,
  output wire done
);
  localparam integer PW = XW + WW;
  localparam integer PS = (XS != 0 || WS != 0) ? 1 : 0;
  localparam integer NT = N_MAX * CIN;                      // terms per output
  localparam integer GB = (G > 1) ? $clog2(G) : 1;
  localparam integer IB = $clog2(N_MAX + L + 1);  // slot indices up to G * L - 1 <= N_MAX + L - 2
  localparam integer LV = $clog2(NT);
  localparam integer TL = (LV == 0) ? 0 : (LV + LPS - 1) / LPS;  // sum tree latency
  localparam integer LAT = 4 + TL;                              // beat -> slot visible

  wire bvalid, bfirst, blast;
  wire [GB-1:0] beat;
  sp_beats #(.G(G), .BW(GB)) u_beats (.clk(clk), .rst(rst), .start(start), .valid(bvalid), .beat(beat), .first(bfirst), .last(blast));
  // hashes and validity bits are unchanged; they are valid with the first beat (done) and held
  wire [N_MAX*2*HB+N_MAX-1:0] side_late;
  wire side_load;
  sp_side_out #(.W(N_MAX * 2 * HB + N_MAX), .LAT(LAT)) u_side (
    .clk(clk), .rst(rst), .start(start), .d({x_hash, x_valid}), .late(side_late), .q({y_hash, y_valid}), .load(side_load), .done(done)
  );
  reg [N_MAX*CIN*XW-1:0] x2;  // the values of the beat's cycle, next to its weights
  always @(posedge clk) x2 <= x_feat;

  // per lane, the hashes and activity of output slot i = beat * L + lane
  wire [N_MAX-1:0] act_all;
  sp_slot_active #(.N_MAX(N_MAX), .C(CIN), .XW(XW), .MASK(MASK)) u_act (.x(x_feat), .valid(x_valid), .active(act_all));
  wire [L*2*HB-1:0] hl0;
  wire [L-1:0] al0, hhit_unused, ahit_unused;
  wire [L*IB-1:0] hidx_unused, aidx_unused;
  sp_beat_slots #(.N_MAX(N_MAX), .L(L), .BW(GB), .VW(2 * HB), .IB(IB), .REG(0)) u_h (
    .clk(clk), .beat(beat), .bank(x_hash), .val(hl0), .hit(hhit_unused), .idx(hidx_unused)
  );
  sp_beat_slots #(.N_MAX(N_MAX), .L(L), .BW(GB), .VW(1), .IB(IB), .REG(0)) u_a (
    .clk(clk), .beat(beat), .bank(act_all), .val(al0), .hit(ahit_unused), .idx(aidx_unused)
  );
  // per lane, the slot written this cycle
  wire [L-1:0] o_v;
  wire [L*IB-1:0] o_i;
  wire [L*COUT*RW-1:0] o_y;

  genvar l, j, c, f;
  generate
    for (l = 0; l < L; l = l + 1) begin : g_lane
      wire [IB-1:0] i = beat * L + l;
      wire iv = bvalid && (i < N_MAX);
      // stage 0: taps of every input slot seen from output slot i
      wire [HB-1:0] hi = hl0[2*l*HB +: HB];
      wire [HB-1:0] wi = hl0[(2*l+1)*HB +: HB];
      wire act = al0[l];
      wire [N_MAX*2*DB-1:0] addr0;
      wire [N_MAX-1:0] win0;
      wire [N_MAX*CIN*COUT*WW-1:0] row0;
      for (j = 0; j < N_MAX; j = j + 1) begin : g_tap
        sp_tap #(.HB(HB), .K(K), .DB(DB)) u_tap (
          .hi(hi), .wi(wi), .hj(x_hash[2*j*HB +: HB]), .wj(x_hash[(2*j+1)*HB +: HB]),
          .in_win(win0[j]), .addr(addr0[j*2*DB +: 2*DB])
        );
        sp_wrom #(.K(K), .DB(DB), .RW(CIN * COUT * WW), .WEIGHTS(WEIGHTS)) u_rom (
          .addr(addr0[j*2*DB +: 2*DB]), .row(row0[j*CIN*COUT*WW +: CIN*COUT*WW])
        );
      end
      // stage 0 (same cycle): weight lookup; stage 1: products
      reg [N_MAX*CIN*COUT*WW-1:0] w2;
      reg [N_MAX*CIN*COUT*PW-1:0] p3;
      wire [N_MAX*CIN*COUT*PW-1:0] p2;
      reg [IB-1:0] i2, i3;
      reg v2, v3, a2, a3;
      integer jj;
      always @(posedge clk) begin
        for (jj = 0; jj < N_MAX; jj = jj + 1)
          w2[jj*CIN*COUT*WW +: CIN*COUT*WW] <= win0[jj] ? row0[jj*CIN*COUT*WW +: CIN*COUT*WW] : {(CIN * COUT * WW){1'b0}};
        i2 <= i;
        v2 <= iv;
        a2 <= act;
        p3 <= p2;
        i3 <= i2;
        v3 <= v2;
        a3 <= a2;
      end
      for (j = 0; j < N_MAX; j = j + 1) begin : g_mul_j
        for (c = 0; c < CIN; c = c + 1) begin : g_mul_c
          for (f = 0; f < COUT; f = f + 1) begin : g_mul_f
            if (NZ[c*COUT+f]) begin : g_nz
              sp_mul #(.XW(XW), .XS(XS), .WW(WW), .WS(WS)) u_mul (
                .x(x2[(j*CIN+c)*XW +: XW]), .w(w2[((j*CIN+c)*COUT+f)*WW +: WW]), .p(p2[((j*CIN+c)*COUT+f)*PW +: PW])
              );
            end else begin : g_zero
              assign p2[((j*CIN+c)*COUT+f)*PW +: PW] = {PW{1'b0}};
            end
          end
        end
      end
      // stage 3..: terms into the accumulator grid, summed (order-free), per filter
      wire [COUT*AW-1:0] acc4;
      wire [IB+1:0] side4;
      for (f = 0; f < COUT; f = f + 1) begin : g_f
        wire [NT*AW-1:0] terms;
        for (j = 0; j < NT; j = j + 1) begin : g_t
          sp_cast #(.SW(PW), .SF(T_SF), .SS(PS), .DW(AW), .DF(T_DF), .DS(AS), .Q(T_Q), .O(3), .NB(0))
            u_t (.x(p3[(j*COUT+f)*PW +: PW]), .y(terms[j*AW +: AW]));
        end
        wire [IB+1:0] side_o;
        sp_sum_tree #(.W(AW), .NIN(NT), .LPS(LPS), .SW(IB + 2)) u_sum (
          .clk(clk), .terms(terms), .side_in({v3, a3, i3}), .sum(acc4[f*AW +: AW]), .side_out(side_o)
        );
        if (f == 0) begin : g_side
          assign side4 = side_o;
        end
      end
      // bias where the sum is non-zero (register), then the result cast
      reg [COUT*AW-1:0] accb;
      reg [IB+1:0] side5;
      wire [COUT*AW-1:0] withb;
      for (f = 0; f < COUT; f = f + 1) begin : g_b
        sp_step #(.AW(AW), .AS(AS), .VW(BW), .VS(BS), .AL(B_AL), .VL(B_VL), .SW(B_SW), .SF(B_SF), .SS(B_SS), .DF(B_DF), .Q(B_Q), .O(B_O), .NB(B_NB))
          u_b (.acc(acc4[f*AW +: AW]), .v(BIAS[f*BW +: BW]), .y(withb[f*AW +: AW]));
      end
      integer fb;
      always @(posedge clk) begin
        for (fb = 0; fb < COUT; fb = fb + 1)
          accb[fb*AW +: AW] <= (acc4[fb*AW +: AW] != 0 && side4[IB]) ? withb[fb*AW +: AW] : {AW{1'b0}};
        side5 <= side4;
      end
      for (f = 0; f < COUT; f = f + 1) begin : g_r
        sp_cast #(.COPY(RCOPY), .SW(AW), .SF(R_SF), .SS(AS), .DW(RW), .DF(R_DF), .DS(R_DS), .Q(R_Q), .O(R_O), .NB(R_NB)) u_r (.x(accb[f*AW +: AW]), .y(o_y[(l*COUT+f)*RW +: RW]));
      end
      assign o_v[l] = side5[IB+1];
      assign o_i[l*IB +: IB] = side5[IB-1:0];
    end
  endgenerate

  sp_bank_write #(.N_MAX(N_MAX), .L(L), .IB(IB), .VW(COUT * RW)) u_bank (.clk(clk), .v(o_v), .idx(o_i), .val(o_y), .bank(y_feat));
endmodule

module sp_conv_scatter #(
  parameter integer N_MAX = 4, CIN = 1, COUT = 1, K = 3, HB = 4, L = 1, G = 4,
  parameter integer XW = 8, XS = 0, WW = 8, WS = 1, BW = 8, BS = 1,
  parameter integer AW = 16, AS = 1, RW = 16, DB = 2, MODE = 0, MASK = 0,
  parameter [K*K*CIN*COUT*WW-1:0] WEIGHTS = 0,
  // NZ[c*COUT+f] = 0: every tap of kernel slice (c, f) is zero; its products are constant zeros
  parameter [CIN*COUT-1:0] NZ = {(CIN * COUT){1'b1}},
  parameter [COUT*BW-1:0] BIAS = 0,
  parameter integer T_SF = 0, T_DF = 0, T_Q = 5,
  parameter integer S_AL = 0, S_VL = 0, S_SW = 17, S_SF = 0, S_SS = 1, S_DF = 0, S_Q = 5, S_O = 3, S_NB = 0,
  parameter integer B_AL = 0, B_VL = 0, B_SW = 17, B_SF = 0, B_SS = 1, B_DF = 0, B_Q = 5, B_O = 3, B_NB = 0,
  parameter integer RCOPY = 1, R_SF = 0, R_DF = 0, R_DS = 1, R_Q = 5, R_O = 3, R_NB = 0
) (
  input wire clk,
  input wire rst,
  input wire start,
  input wire [N_MAX*CIN*XW-1:0] x_feat,
  input wire [N_MAX*2*HB-1:0] x_hash,
  input wire [N_MAX-1:0] x_valid,
  output reg [N_MAX*COUT*RW-1:0] y_feat,
  output wire [N_MAX*2*HB-1:0] y_hash,
  output reg [N_MAX-1:0] y_valid,
  output wire done
);
  localparam integer PW = XW + WW;
  localparam integer PS = (XS != 0 || WS != 0) ? 1 : 0;
  localparam integer GB = (G > 1) ? $clog2(G) : 1;
  localparam integer IB = $clog2(N_MAX + L + 1);  // slot indices up to G * L - 1 <= N_MAX + L - 2
  localparam integer LAT = G + 4;  // start -> outputs visible

  wire bvalid, bfirst, blast;
  wire [GB-1:0] beat;
  sp_beats #(.G(G), .BW(GB)) u_beats (.clk(clk), .rst(rst), .start(start), .valid(bvalid), .beat(beat), .first(bfirst), .last(blast));
  wire [N_MAX*2*HB-1:0] hash_d;
  wire hash_load;
  sp_side_out #(.W(N_MAX * 2 * HB), .LAT(LAT)) u_side (
    .clk(clk), .rst(rst), .start(start), .d(x_hash), .late(hash_d), .q(y_hash), .load(hash_load), .done(done)
  );
  // validity bits of the event (held from start like the hashes), seen by the bias stage
  wire [N_MAX-1:0] valid_d;
  reg [N_MAX-1:0] valid_b;
  sp_delay #(.W(N_MAX), .D(LAT - 2)) u_valid (.clk(clk), .d(x_valid), .q(valid_d));

  // stage 0: this beat's input slots (lanes) and their taps towards every output slot
  wire [L*CIN*XW-1:0] xl0;
  wire [L*2*HB-1:0] hl0;
  wire [L-1:0] jv0;
  wire [L-1:0] xhit_unused;
  wire [L*IB-1:0] xidx_unused, hidx_unused;
  sp_beat_slots #(.N_MAX(N_MAX), .L(L), .BW(GB), .VW(CIN * XW), .IB(IB), .REG(0)) u_x (
    .clk(clk), .beat(beat), .bank(x_feat), .val(xl0), .hit(xhit_unused), .idx(xidx_unused)
  );
  sp_beat_slots #(.N_MAX(N_MAX), .L(L), .BW(GB), .VW(2 * HB), .IB(IB), .REG(0)) u_h (
    .clk(clk), .beat(beat), .bank(x_hash), .val(hl0), .hit(jv0), .idx(hidx_unused)
  );
  reg [L*CIN*XW-1:0] xl2, xl3;
  reg [N_MAX-1:0] act;  // output slot i is active iff input slot i is (recorded as its beat passes)
  integer sa, qa;
  // activity of the beat's slots, written with the accumulation (stage 3) so that the next
  // event's beats cannot overwrite it before the bias stage reads it
  reg [GB-1:0] b2, b3;
  always @(posedge clk) begin
    b2 <= beat;
    b3 <= b2;
    for (qa = 0; qa < L; qa = qa + 1)
      for (sa = 0; sa < N_MAX; sa = sa + 1)
        if (v3 && b3 * L + qa == sa) act[sa] <= |xl3[qa*CIN*XW +: CIN*XW];
  end
  wire [N_MAX*L*CIN*COUT*WW-1:0] w2;
  reg [N_MAX*L*CIN*COUT*PW-1:0] p3;
  wire [N_MAX*L*CIN*COUT*PW-1:0] p2;
  reg f2, f3, v2, v3;
  genvar i, l, c, f;
  generate
    for (i = 0; i < N_MAX; i = i + 1) begin : g_ti
      for (l = 0; l < L; l = l + 1) begin : g_tl
        wire [HB-1:0] hj = hl0[2*l*HB +: HB];
        wire [HB-1:0] wj = hl0[(2*l+1)*HB +: HB];
        wire jv = jv0[l];
        wire [2*DB-1:0] addr;
        wire win;
        wire [CIN*COUT*WW-1:0] row;
        sp_tap #(.HB(HB), .K(K), .DB(DB)) u_tap (
          .hi(x_hash[2*i*HB +: HB]), .wi(x_hash[(2*i+1)*HB +: HB]), .hj(hj), .wj(wj), .in_win(win), .addr(addr)
        );
        sp_wrom #(.K(K), .DB(DB), .RW(CIN * COUT * WW), .WEIGHTS(WEIGHTS)) u_rom (.addr(addr), .row(row));
        // stage 0 (same cycle): the weights of this slot pair
        reg [CIN*COUT*WW-1:0] wq;
        always @(posedge clk) wq <= (win && jv) ? row : {(CIN * COUT * WW){1'b0}};
        assign w2[(i*L+l)*CIN*COUT*WW +: CIN*COUT*WW] = wq;
      end
    end
  endgenerate
  always @(posedge clk) begin
    xl2 <= xl0;
    xl3 <= xl2;
    f2 <= bfirst;
    f3 <= f2;
    v2 <= bvalid;
    v3 <= v2;
    p3 <= p2;
  end

  // stage 1: products; stage 2: accumulate into all N_MAX x COUT accumulators
  reg [N_MAX*COUT*AW-1:0] acc;
  generate
    for (i = 0; i < N_MAX; i = i + 1) begin : g_mi
      for (l = 0; l < L; l = l + 1) begin : g_ml
        for (c = 0; c < CIN; c = c + 1) begin : g_mc
          for (f = 0; f < COUT; f = f + 1) begin : g_mf
            if (NZ[c*COUT+f]) begin : g_nz
              sp_mul #(.XW(XW), .XS(XS), .WW(WW), .WS(WS)) u_mul (
                .x(xl2[(l*CIN+c)*XW +: XW]), .w(w2[(((i*L+l)*CIN+c)*COUT+f)*WW +: WW]), .p(p2[(((i*L+l)*CIN+c)*COUT+f)*PW +: PW])
              );
            end else begin : g_zero
              assign p2[(((i*L+l)*CIN+c)*COUT+f)*PW +: PW] = {PW{1'b0}};
            end
          end
        end
      end
      for (f = 0; f < COUT; f = f + 1) begin : g_af
        wire [AW-1:0] a0 = f3 ? {AW{1'b0}} : acc[(i*COUT+f)*AW +: AW];
        wire [(L*CIN+1)*AW-1:0] chain /* verilator split_var */;
        assign chain[AW-1:0] = a0;
        for (l = 0; l < L * CIN; l = l + 1) begin : g_step
          wire [PW-1:0] p = p3[((i*L*CIN+l)*COUT+f)*PW +: PW];
          if (MODE == 0) begin : g_free
            wire [AW-1:0] t;
            sp_cast #(.SW(PW), .SF(T_SF), .SS(PS), .DW(AW), .DF(T_DF), .DS(AS), .Q(T_Q), .O(3), .NB(0)) u_t (.x(p), .y(t));
            assign chain[(l+1)*AW +: AW] = chain[l*AW +: AW] + t;
          end else begin : g_stepwise
            sp_step #(.AW(AW), .AS(AS), .VW(PW), .VS(PS), .AL(S_AL), .VL(S_VL), .SW(S_SW), .SF(S_SF), .SS(S_SS), .DF(S_DF), .Q(S_Q), .O(S_O), .NB(S_NB))
              u_s (.acc(chain[l*AW +: AW]), .v(p), .y(chain[(l+1)*AW +: AW]));
          end
        end
        always @(posedge clk) if (v3) acc[(i*COUT+f)*AW +: AW] <= chain[L*CIN*AW +: AW];
      end
    end
  endgenerate

  // after the last beat: bias where the sum is non-zero, then the result cast
  reg [N_MAX*COUT*AW-1:0] accb;
  wire [N_MAX*COUT*AW-1:0] withb;
  wire [N_MAX*COUT*RW-1:0] res;
  wire bias_load;
  sp_pulse_delay #(.D(LAT - 2)) u_bl (.clk(clk), .rst(rst), .d(start), .q(bias_load));
  generate
    for (i = 0; i < N_MAX * COUT; i = i + 1) begin : g_bias
      sp_step #(.AW(AW), .AS(AS), .VW(BW), .VS(BS), .AL(B_AL), .VL(B_VL), .SW(B_SW), .SF(B_SF), .SS(B_SS), .DF(B_DF), .Q(B_Q), .O(B_O), .NB(B_NB))
        u_b (.acc(acc[i*AW +: AW]), .v(BIAS[(i%COUT)*BW +: BW]), .y(withb[i*AW +: AW]));
      wire live = (MASK != 0) ? valid_d[i/COUT] : act[i/COUT];
      always @(posedge clk) if (bias_load) accb[i*AW +: AW] <= (live && acc[i*AW +: AW] != 0) ? withb[i*AW +: AW] : {AW{1'b0}};
      sp_cast #(.COPY(RCOPY), .SW(AW), .SF(R_SF), .SS(AS), .DW(RW), .DF(R_DF), .DS(R_DS), .Q(R_Q), .O(R_O), .NB(R_NB)) u_r (.x(accb[i*AW +: AW]), .y(res[i*RW +: RW]));
    end
  endgenerate
  always @(posedge clk) begin
    if (bias_load) valid_b <= valid_d;
    if (hash_load) begin
      y_feat <= res;
      y_valid <= valid_b;
    end
  end
endmodule
/* verilator lint_on WIDTH */
/* verilator lint_on UNUSEDPARAM */
/* verilator lint_on UNUSEDSIGNAL */
/* verilator lint_on DECLFILENAME */
