/* verilator lint_off DECLFILENAME */
/* verilator lint_off UNUSEDSIGNAL */
/* verilator lint_off UNUSEDPARAM */
/* verilator lint_off WIDTH */
// SparseGlobalPooling2D (docs/semantics.md 5.6): N_MAX slots of C features become C values, per
// channel over the k active slots (MASK = 1, activity "mask": the validity bit; MASK = 0,
// "nonzero": any feature of the slot is non-zero):
//   avg: acc += x over the active slots (accumulator AW bits), res = acc * r_k exactly, one cast
//        (R_*), r_k = floor(2^F / k) / 2^F from RTAB (N_MAX + 1 entries of F + 1 bits, r_0 = 0);
//   max: the largest active raw, cast to the result type (R_*, RCOPY: bits copied); 0 when k = 0.
// The hash is not read. Output: a dense vector, loaded once per event and held until the next.
//  - sp_gpool_tree: input all-at-once; per channel a masked sum tree (order-free accumulation:
//    terms cast into the accumulator grid, T_*) or max tree of {active, value} pairs
//    (sp_sum_tree MAX = 1), and a popcount tree for k.
//  - sp_gpool_step: input progressive (L slots per beat, G beats); exact steps in slot order
//    (S_*, any accumulator) or a running max, and a running count k.

// The end of both cores: r_k looked up in RTAB (N_MAX + 1 entries of RTW bits) and registered
// with the accumulators, then the product and cast (sp_pool_out, sp_pool.v) loaded into y at `load`.
module sp_gpool_finish #(
  parameter integer N_MAX = 4, C = 1, AW = 10, AS = 0, RW = 8, MAX = 0, KB = 3, RTW = 11,
  parameter [(N_MAX+1)*RTW-1:0] RTAB = 0,
  parameter integer RCOPY = 0, R_SW = 8, R_SF = 0, R_SS = 0, R_DF = 0, R_DS = 0, R_Q = 5, R_O = 3, R_NB = 0
) (
  input wire clk,
  input wire load,
  input wire [C*AW-1:0] acc,
  input wire [C-1:0] any,
  input wire [KB-1:0] k,
  output reg [C*RW-1:0] y
);
  reg [RTW-1:0] r1;
  reg [C*AW-1:0] acc1;
  reg [C-1:0] any1;
  always @(posedge clk) begin
    r1 <= RTAB[k*RTW +: RTW];
    acc1 <= acc;
    any1 <= any;
  end
  genvar c;
  generate
    for (c = 0; c < C; c = c + 1) begin : g_out
      wire [RW-1:0] yc;
      sp_pool_out #(.AW(AW), .AS(AS), .MAX(MAX), .RW(RW), .RTW(RTW), .RCOPY(RCOPY), .R_SW(R_SW), .R_SF(R_SF), .R_SS(R_SS),
        .R_DF(R_DF), .R_DS(R_DS), .R_Q(R_Q), .R_O(R_O), .R_NB(R_NB)) u_o (.acc(acc1[c*AW +: AW]), .r(r1), .any(any1[c]), .y(yc));
      always @(posedge clk) if (load) y[c*RW +: RW] <= yc;
    end
  endgenerate
endmodule

module sp_gpool_tree #(
  parameter integer N_MAX = 4, C = 1, HB = 4, XW = 8, XS = 0, AW = 10, AS = 0, RW = 8, MAX = 0, MASK = 0,
  parameter integer LPS = 2, KB = 3, RTW = 11,
  parameter [(N_MAX+1)*RTW-1:0] RTAB = 0,
  parameter integer T_SF = 0, T_DF = 0, T_Q = 5,
  parameter integer RCOPY = 0, R_SW = 8, R_SF = 0, R_SS = 0, R_DF = 0, R_DS = 0, R_Q = 5, R_O = 3, R_NB = 0
) (
  input wire clk,
  input wire rst,
  input wire start,
  input wire [N_MAX*C*XW-1:0] x_feat,
  input wire [N_MAX*2*HB-1:0] x_hash,  // not read (docs/semantics.md 5.6)
  input wire [N_MAX-1:0] x_valid,
  output wire [C*RW-1:0] y,
  output wire done
);
  localparam integer LV = $clog2(N_MAX);
  localparam integer TL = (LV == 0) ? 0 : (LV + LPS - 1) / LPS;
  localparam integer LAT = 4 + TL;  // input -> activity -> masked terms -> trees -> r_k -> product, cast
  wire load;
  sp_pulse_delay #(.D(LAT - 1)) u_load (.clk(clk), .rst(rst), .d(start), .q(load));
  sp_pulse_delay #(.D(LAT)) u_done (.clk(clk), .rst(rst), .d(start), .q(done));

  // stage 1: the event's values and activity bits (the input holds them for II cycles)
  wire [N_MAX-1:0] act;
  sp_slot_active #(.N_MAX(N_MAX), .C(C), .XW(XW), .MASK(MASK)) u_act (.x(x_feat), .valid(x_valid), .active(act));
  reg [N_MAX*C*XW-1:0] x1;
  reg [N_MAX-1:0] a1;
  always @(posedge clk) begin
    x1 <= x_feat;
    a1 <= act;
  end
  // stage 2: per channel the active slots' terms (avg: cast into the accumulator grid), then the
  // trees; k from a popcount tree of the same latency
  wire [C*AW-1:0] acc_t;
  wire [C-1:0] any_t;
  wire [KB-1:0] k_t;
  genvar c, j;
  generate
    for (c = 0; c < C; c = c + 1) begin : g_c
      reg [N_MAX*AW-1:0] t2;
      reg [N_MAX-1:0] a2;
      wire side_unused;
      for (j = 0; j < N_MAX; j = j + 1) begin : g_t
        wire [AW-1:0] tq;
        if (MAX != 0) begin : g_raw
          assign tq = x1[(j*C+c)*XW +: XW];
        end else begin : g_cast
          sp_cast #(.SW(XW), .SF(T_SF), .SS(XS), .DW(AW), .DF(T_DF), .DS(AS), .Q(T_Q), .O(3), .NB(0)) u_t (.x(x1[(j*C+c)*XW +: XW]), .y(tq));
        end
        always @(posedge clk) t2[j*AW +: AW] <= a1[j] ? tq : {AW{1'b0}};
      end
      always @(posedge clk) a2 <= a1;
      if (MAX != 0) begin : g_max
        // {active, value} pairs (inactive slots hold 0 and flag 0)
        wire [N_MAX*(AW+1)-1:0] pairs;
        wire [AW:0] best;
        for (j = 0; j < N_MAX; j = j + 1) begin : g_p
          assign pairs[j*(AW+1) +: AW+1] = {a2[j], t2[j*AW +: AW]};
        end
        sp_sum_tree #(.W(AW + 1), .NIN(N_MAX), .LPS(LPS), .SW(1), .MAX(1), .S(XS)) u_max (
          .clk(clk), .terms(pairs), .side_in(1'b0), .sum(best), .side_out(side_unused)
        );
        assign acc_t[c*AW +: AW] = best[AW-1:0];
        assign any_t[c] = best[AW];
      end else begin : g_sum
        sp_sum_tree #(.W(AW), .NIN(N_MAX), .LPS(LPS), .SW(1)) u_sum (
          .clk(clk), .terms(t2), .side_in(1'b0), .sum(acc_t[c*AW +: AW]), .side_out(side_unused)
        );
        assign any_t[c] = 1'b1;
      end
    end
  endgenerate
  reg [N_MAX*KB-1:0] ones;
  integer s;
  always @(posedge clk)
    for (s = 0; s < N_MAX; s = s + 1) ones[s*KB +: KB] <= {{(KB - 1){1'b0}}, a1[s]};
  wire kside_unused;
  sp_sum_tree #(.W(KB), .NIN(N_MAX), .LPS(LPS), .SW(1)) u_k (.clk(clk), .terms(ones), .side_in(1'b0), .sum(k_t), .side_out(kside_unused));

  // stages 3 and 4: r_k, then the product and the cast, loaded once per event
  sp_gpool_finish #(.N_MAX(N_MAX), .C(C), .AW(AW), .AS(AS), .RW(RW), .MAX(MAX), .KB(KB), .RTW(RTW), .RTAB(RTAB), .RCOPY(RCOPY),
    .R_SW(R_SW), .R_SF(R_SF), .R_SS(R_SS), .R_DF(R_DF), .R_DS(R_DS), .R_Q(R_Q), .R_O(R_O), .R_NB(R_NB))
    u_fin (.clk(clk), .load(load), .acc(acc_t), .any(any_t), .k(k_t), .y(y));
endmodule

module sp_gpool_step #(
  parameter integer N_MAX = 4, C = 1, HB = 4, L = 1, G = 4, XW = 8, XS = 0, AW = 10, AS = 0, RW = 8, MAX = 0, MASK = 0,
  parameter integer KB = 3, RTW = 11,
  parameter [(N_MAX+1)*RTW-1:0] RTAB = 0,
  parameter integer S_AL = 0, S_VL = 0, S_SW = 17, S_SF = 0, S_SS = 1, S_DF = 0, S_Q = 5, S_O = 3, S_NB = 0,
  parameter integer RCOPY = 0, R_SW = 8, R_SF = 0, R_SS = 0, R_DF = 0, R_DS = 0, R_Q = 5, R_O = 3, R_NB = 0
) (
  input wire clk,
  input wire rst,
  input wire start,
  input wire [N_MAX*C*XW-1:0] x_feat,
  input wire [N_MAX*2*HB-1:0] x_hash,  // not read (docs/semantics.md 5.6)
  input wire [N_MAX-1:0] x_valid,
  output wire [C*RW-1:0] y,
  output wire done
);
  localparam integer GB = (G > 1) ? $clog2(G) : 1;
  localparam integer LAT = G + 3;  // last beat selected at start + G - 1, stepped, r_k, product and cast
  wire load;
  sp_pulse_delay #(.D(LAT - 1)) u_load (.clk(clk), .rst(rst), .d(start), .q(load));
  sp_pulse_delay #(.D(LAT)) u_done (.clk(clk), .rst(rst), .d(start), .q(done));

  // stage 0 (a beat): the beat's L slots and their activity bits
  wire bvalid, bfirst, blast;
  wire [GB-1:0] beat;
  sp_beats #(.G(G), .BW(GB)) u_beats (.clk(clk), .rst(rst), .start(start), .valid(bvalid), .beat(beat), .first(bfirst), .last(blast));
  wire [N_MAX-1:0] act;
  sp_slot_active #(.N_MAX(N_MAX), .C(C), .XW(XW), .MASK(MASK)) u_act (.x(x_feat), .valid(x_valid), .active(act));
  wire [L*C*XW-1:0] xl;
  wire [L-1:0] al;
  wire [L-1:0] hit_unused;
  wire [L-1:0] idx_unused;
  sp_beat_slots #(.N_MAX(N_MAX), .L(L), .BW(GB), .VW(C * XW), .IB(1), .REG(1)) u_x (
    .clk(clk), .beat(beat), .bank(x_feat), .val(xl), .hit(hit_unused), .idx(idx_unused)
  );
  wire [L-1:0] ahit_unused;
  wire [L-1:0] aidx_unused;
  sp_beat_slots #(.N_MAX(N_MAX), .L(L), .BW(GB), .VW(1), .IB(1), .REG(1)) u_a (
    .clk(clk), .beat(beat), .bank(act), .val(al), .hit(ahit_unused), .idx(aidx_unused)
  );
  reg f1, v1;
  always @(posedge clk) begin
    f1 <= bfirst;
    v1 <= bvalid;
  end
  // stage 1: per channel, the beat's active slots in order (one step each), and the count k
  reg [C*AW-1:0] acc;
  reg [C-1:0] any;
  reg [KB-1:0] k;
  wire [KB-1:0] k_chain [0:L] /* verilator split_var */;
  assign k_chain[0] = f1 ? {KB{1'b0}} : k;
  genvar c, l;
  generate
    for (l = 0; l < L; l = l + 1) begin : g_k
      assign k_chain[l+1] = k_chain[l] + al[l];
    end
    for (c = 0; c < C; c = c + 1) begin : g_c
      wire [(L+1)*AW-1:0] chain /* verilator split_var */;
      wire [L:0] seen /* verilator split_var */;
      assign chain[AW-1:0] = f1 ? {AW{1'b0}} : acc[c*AW +: AW];
      assign seen[0] = f1 ? 1'b0 : any[c];
      for (l = 0; l < L; l = l + 1) begin : g_l
        wire [XW-1:0] v = xl[(l*C+c)*XW +: XW];
        wire [AW-1:0] a = chain[l*AW +: AW];
        wire [AW-1:0] nxt;
        if (MAX != 0) begin : g_max
          wire gt = (XS != 0) ? ($signed(v) > $signed(a)) : (v > a);
          assign nxt = (!seen[l] || gt) ? v : a;
        end else begin : g_avg
          sp_step #(.AW(AW), .AS(AS), .VW(XW), .VS(XS), .AL(S_AL), .VL(S_VL), .SW(S_SW), .SF(S_SF), .SS(S_SS), .DF(S_DF), .Q(S_Q), .O(S_O), .NB(S_NB))
            u_s (.acc(a), .v(v), .y(nxt));
        end
        assign chain[(l+1)*AW +: AW] = al[l] ? nxt : a;
        assign seen[l+1] = seen[l] | al[l];
      end
      always @(posedge clk) begin
        if (v1) begin
          acc[c*AW +: AW] <= chain[L*AW +: AW];
          any[c] <= seen[L];
        end
      end
    end
  endgenerate
  always @(posedge clk) if (v1) k <= k_chain[L];

  // stages 2 and 3: r_k, then the product and the cast, loaded once per event
  sp_gpool_finish #(.N_MAX(N_MAX), .C(C), .AW(AW), .AS(AS), .RW(RW), .MAX(MAX), .KB(KB), .RTW(RTW), .RTAB(RTAB), .RCOPY(RCOPY),
    .R_SW(R_SW), .R_SF(R_SF), .R_SS(R_SS), .R_DF(R_DF), .R_DS(R_DS), .R_Q(R_Q), .R_O(R_O), .R_NB(R_NB))
    u_fin (.clk(clk), .load(load), .acc(acc), .any(MAX != 0 ? any : {C{1'b1}}), .k(k), .y(y));
endmodule
/* verilator lint_on WIDTH */
/* verilator lint_on UNUSEDPARAM */
/* verilator lint_on UNUSEDSIGNAL */
/* verilator lint_on DECLFILENAME */
