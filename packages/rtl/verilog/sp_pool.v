/* verilator lint_off DECLFILENAME */
/* verilator lint_off UNUSEDSIGNAL */
/* verilator lint_off UNUSEDPARAM */
/* verilator lint_off WIDTH */
/* verilator lint_off UNSIGNED */
/* verilator lint_off CMPCONST */
// SparsePooling2D (stride P, 'valid'; packages/core/README.md). Every slot gets the pooled hash
// ((h - 1) div P) + 1; the first slot of each pooled cell that takes part (in the grid, and valid
// under activity "mask": MASK = 1) owns it and gathers the values of every slot of the cell that
// takes part (itself first, then later slots ascending); other slots give 0.
// avg: acc += v per gathered value, then res = acc * rr (rr = floor(2^F/P)^2 with 2F fraction bits,
// RRW = 2F + 2 bits; F = the layer's reciprocalBits), one cast; max: the largest gathered raw, cast
// to the result type.
//  - sp_pool_gather: input all-at-once, output progressive; order-free accumulation (MODE 0
//    terms cast into the accumulator grid and summed modulo 2^AW) or max (MAX = 1).
//  - sp_pool_scatter: input progressive, output all-at-once; exact steps in slot order.

// Pooled hashes and cell membership of N_MAX slots: same[i*N_MAX+j] = slots i and j share a cell and j
// takes part, first[i] = slot i takes part and owns its cell. A slot takes part when its cell is
// in the grid and (MASK = 1, activity "mask") its validity bit is set (docs/semantics.md 5.1).
module sp_pool_cells #(
  parameter integer N_MAX = 4, HB = 4, P = 2, HO = 2, WO = 2, MASK = 0
) (
  input wire [N_MAX*2*HB-1:0] hash,
  input wire [N_MAX-1:0] valid,
  output wire [N_MAX*2*HB-1:0] phash,
  output wire [N_MAX*N_MAX-1:0] same,
  output wire [N_MAX-1:0] first
);
  wire [N_MAX-1:0] in_grid;
  genvar i, j;
  generate
    for (i = 0; i < N_MAX; i = i + 1) begin : g_i
      wire [HB-1:0] h = hash[2*i*HB +: HB];
      wire [HB-1:0] w = hash[(2*i+1)*HB +: HB];
      wire [HB-1:0] ph = (h - 1'b1) / P + 1'b1;
      wire [HB-1:0] pw = (w - 1'b1) / P + 1'b1;
      assign phash[2*i*HB +: HB] = ph;
      assign phash[(2*i+1)*HB +: HB] = pw;
      assign in_grid[i] = (ph >= 1) && (ph <= HO) && (pw >= 1) && (pw <= WO) && (MASK == 0 || valid[i]);
    end
    for (i = 0; i < N_MAX; i = i + 1) begin : g_si
      for (j = 0; j < N_MAX; j = j + 1) begin : g_sj
        assign same[i*N_MAX+j] = (phash[2*i*HB +: 2*HB] == phash[2*j*HB +: 2*HB]) && (MASK == 0 || valid[j]);
      end
      if (i == 0) begin : g_f0
        assign first[i] = in_grid[i];
      end else begin : g_fi
        assign first[i] = in_grid[i] && !(|same[i*N_MAX +: i]);
      end
    end
  endgenerate
endmodule

// The output of a pooling accumulator (also sp_gpool's): avg: the exact product acc * r (R_SW bits:
// the width of acc_t times the reciprocal's type; RTW bits of r, a constant here, r_k in sp_gpool)
// cast to the result; max: the accumulator cast to it (RCOPY: bits copied). Zero when `any` is 0.
module sp_pool_out #(
  parameter integer AW = 8, AS = 0, MAX = 0, RW = 8, RTW = 11,
  parameter integer RCOPY = 0, R_SW = 8, R_SF = 0, R_SS = 0, R_DF = 0, R_DS = 0, R_Q = 5, R_O = 3, R_NB = 0
) (
  input wire [AW-1:0] acc,
  input wire [RTW-1:0] r,
  input wire any,
  output wire [RW-1:0] y
);
  wire [RW-1:0] c;
  generate
    if (MAX != 0) begin : g_max
      sp_cast #(.COPY(RCOPY), .SW(AW), .SF(R_SF), .SS(AS), .DW(RW), .DF(R_DF), .DS(R_DS), .Q(R_Q), .O(R_O), .NB(R_NB)) u_c (.x(acc), .y(c));
    end else begin : g_avg
      wire signed [AW:0] a = {(AS != 0) ? acc[AW-1] : 1'b0, acc};
      wire signed [AW+RTW+1:0] prod = a * $signed({1'b0, r});
      sp_cast #(.SW(R_SW), .SF(R_SF), .SS(R_SS), .DW(RW), .DF(R_DF), .DS(R_DS), .Q(R_Q), .O(R_O), .NB(R_NB))
        u_c (.x(prod[R_SW-1:0]), .y(c));
    end
  endgenerate
  assign y = any ? c : {RW{1'b0}};
endmodule

module sp_pool_gather #(
  parameter integer N_MAX = 4, C = 1, P = 2, HO = 2, WO = 2, HB = 4, L = 1, G = 4,
  parameter integer XW = 8, XS = 0, AW = 10, AS = 0, RW = 8, MAX = 0, LPS = 2,
  parameter integer T_SF = 0, T_DF = 0, T_Q = 5,
  parameter integer RRW = 22, MASK = 0,
  parameter [RRW-1:0] RR = 0,
  parameter integer RCOPY = 0, R_SW = 8, R_SF = 0, R_SS = 0, R_DF = 0, R_DS = 0, R_Q = 5, R_O = 3, R_NB = 0
) (
  input wire clk,
  input wire rst,
  input wire start,
  input wire [N_MAX*C*XW-1:0] x_feat,
  input wire [N_MAX*2*HB-1:0] x_hash,
  input wire [N_MAX-1:0] x_valid,
  output wire [N_MAX*C*RW-1:0] y_feat,
  output wire [N_MAX*2*HB-1:0] y_hash,
  output wire [N_MAX-1:0] y_valid,  // 1 exactly at the owners
  output wire done
);
  localparam integer GB = (G > 1) ? $clog2(G) : 1;
  localparam integer IB = $clog2(N_MAX + L + 1);  // slot indices up to G * L - 1 <= N_MAX + L - 2
  localparam integer LV = $clog2(N_MAX);
  localparam integer TL = (MAX != 0 || LV == 0) ? 0 : (LV + LPS - 1) / LPS;
  localparam integer LAT = 4 + TL;  // start -> first beat visible (cells: 1, beat pipeline: 3 + TL)

  // cells of the event (hashes are stable over the event), registered once
  wire [N_MAX*2*HB-1:0] ph;
  wire [N_MAX*N_MAX-1:0] same;
  wire [N_MAX-1:0] first;
  sp_pool_cells #(.N_MAX(N_MAX), .HB(HB), .P(P), .HO(HO), .WO(WO), .MASK(MASK)) u_cells (.hash(x_hash), .valid(x_valid), .phash(ph), .same(same), .first(first));
  reg [N_MAX*N_MAX-1:0] same_r;
  reg [N_MAX-1:0] first_r;
  reg [N_MAX*C*XW-1:0] x1;  // the values of a beat's start cycle (the input holds them for II cycles)
  always @(posedge clk) begin
    same_r <= same;
    first_r <= first;
    x1 <= x_feat;
  end
  wire st1;
  sp_pulse_delay #(.D(1)) u_st1 (.clk(clk), .rst(rst), .d(start), .q(st1));
  // pooled hashes and owner bits, valid with the first beat (done) and held
  wire [N_MAX*2*HB+N_MAX-1:0] side_late;
  wire side_load;
  sp_side_out #(.W(N_MAX * 2 * HB + N_MAX), .LAT(LAT)) u_side (
    .clk(clk), .rst(rst), .start(start), .d({ph, first}), .late(side_late), .q({y_hash, y_valid}), .load(side_load), .done(done)
  );

  wire bvalid, bfirst, blast;
  wire [GB-1:0] beat;
  sp_beats #(.G(G), .BW(GB)) u_beats (.clk(clk), .rst(rst), .start(st1), .valid(bvalid), .beat(beat), .first(bfirst), .last(blast));

  // per slot s: its members (owner s: the slots t >= s of its cell), its values, whether it owns
  // a cell; stage A registers the entry of each lane's slot
  localparam integer OWN = N_MAX + C * XW + 1;
  wire [N_MAX*OWN-1:0] own_bank;
  wire [L*OWN-1:0] own_l;
  wire [L-1:0] ohit_unused;
  wire [L*IB-1:0] oidx_unused;
  genvar l, c, j;
  generate
    for (j = 0; j < N_MAX; j = j + 1) begin : g_own
      for (c = 0; c < N_MAX; c = c + 1) begin : g_m
        assign own_bank[j*OWN+c] = first_r[j] && (c >= j) && same_r[j*N_MAX+c];
      end
      assign own_bank[j*OWN+N_MAX +: C*XW] = x1[j*C*XW +: C*XW];
      assign own_bank[j*OWN+N_MAX+C*XW] = first_r[j];
    end
  endgenerate
  sp_beat_slots #(.N_MAX(N_MAX), .L(L), .BW(GB), .VW(OWN), .IB(IB), .REG(1)) u_own (
    .clk(clk), .beat(beat), .bank(own_bank), .val(own_l), .hit(ohit_unused), .idx(oidx_unused)
  );
  wire [L-1:0] o_v;
  wire [L*IB-1:0] o_i;
  wire [L*C*RW-1:0] o_y;
  generate
    for (l = 0; l < L; l = l + 1) begin : g_lane
      wire [IB-1:0] i = beat * L + l;
      // stage A: the owner's members (mask), its own values and whether it owns a cell
      wire [N_MAX-1:0] m_a = own_l[l*OWN +: N_MAX];
      wire [C*XW-1:0] own_a = own_l[l*OWN+N_MAX +: C*XW];
      wire own_ok_a = own_l[l*OWN+N_MAX+C*XW];
      reg [N_MAX*C*XW-1:0] x_a;
      reg [IB-1:0] i_a;
      reg v_a;
      always @(posedge clk) begin
        x_a <= x1;
        i_a <= i;
        v_a <= bvalid && (i < N_MAX);
      end
      // stage B..: per channel, the masked gather (sum tree or max)
      wire [C*AW-1:0] acc;
      wire [IB+1:0] side;
      for (c = 0; c < C; c = c + 1) begin : g_c
        wire [IB+1:0] side_c;
        if (MAX != 0) begin : g_max
          reg [AW-1:0] m;
          integer u;
          always @* begin
            m = own_a[c*XW +: XW];
            for (u = 0; u < N_MAX; u = u + 1)
              if (m_a[u] && ((XS != 0) ? ($signed(x_a[(u*C+c)*XW +: XW]) > $signed(m)) : (x_a[(u*C+c)*XW +: XW] > m)))
                m = x_a[(u*C+c)*XW +: XW];
          end
          assign acc[c*AW +: AW] = m;
          assign side_c = {v_a, own_ok_a, i_a};
        end else begin : g_avg
          wire [N_MAX*AW-1:0] terms;
          for (j = 0; j < N_MAX; j = j + 1) begin : g_t
            wire [AW-1:0] tq;
            sp_cast #(.SW(XW), .SF(T_SF), .SS(XS), .DW(AW), .DF(T_DF), .DS(AS), .Q(T_Q), .O(3), .NB(0)) u_t (.x(x_a[(j*C+c)*XW +: XW]), .y(tq));
            assign terms[j*AW +: AW] = m_a[j] ? tq : {AW{1'b0}};
          end
          sp_sum_tree #(.W(AW), .NIN(N_MAX), .LPS(LPS), .SW(IB + 2)) u_sum (
            .clk(clk), .terms(terms), .side_in({v_a, own_ok_a, i_a}), .sum(acc[c*AW +: AW]), .side_out(side_c)
          );
        end
        if (c == 0) begin : g_side
          assign side = side_c;
        end
      end
      // register the gather, then the output product and cast
      reg [C*AW-1:0] acc_r;
      reg [IB+1:0] side_r;
      always @(posedge clk) begin
        acc_r <= acc;
        side_r <= side;
      end
      for (c = 0; c < C; c = c + 1) begin : g_out
        wire [RW-1:0] y;
        sp_pool_out #(.AW(AW), .AS(AS), .MAX(MAX), .RW(RW), .RTW(RRW), .RCOPY(RCOPY), .R_SW(R_SW), .R_SF(R_SF), .R_SS(R_SS),
          .R_DF(R_DF), .R_DS(R_DS), .R_Q(R_Q), .R_O(R_O), .R_NB(R_NB)) u_o (.acc(acc_r[c*AW +: AW]), .r(RR), .any(side_r[IB]), .y(y));
        assign o_y[(l*C+c)*RW +: RW] = y;
      end
      assign o_v[l] = side_r[IB+1];
      assign o_i[l*IB +: IB] = side_r[IB-1:0];
    end
  endgenerate
  sp_bank_write #(.N_MAX(N_MAX), .L(L), .IB(IB), .VW(C * RW)) u_bank (.clk(clk), .v(o_v), .idx(o_i), .val(o_y), .bank(y_feat));
endmodule

module sp_pool_scatter #(
  parameter integer N_MAX = 4, C = 1, P = 2, HO = 2, WO = 2, HB = 4, L = 1, G = 4,
  parameter integer XW = 8, XS = 0, AW = 10, AS = 0, RW = 8, MAX = 0,
  parameter integer S_AL = 0, S_VL = 0, S_SW = 17, S_SF = 0, S_SS = 1, S_DF = 0, S_Q = 5, S_O = 3, S_NB = 0,
  parameter integer RRW = 22, MASK = 0,
  parameter [RRW-1:0] RR = 0,
  parameter integer RCOPY = 0, R_SW = 8, R_SF = 0, R_SS = 0, R_DF = 0, R_DS = 0, R_Q = 5, R_O = 3, R_NB = 0
) (
  input wire clk,
  input wire rst,
  input wire start,
  input wire [N_MAX*C*XW-1:0] x_feat,
  input wire [N_MAX*2*HB-1:0] x_hash,
  input wire [N_MAX-1:0] x_valid,
  output reg [N_MAX*C*RW-1:0] y_feat,
  output wire [N_MAX*2*HB-1:0] y_hash,
  output wire [N_MAX-1:0] y_valid,  // 1 exactly at the owners
  output wire done
);
  localparam integer GB = (G > 1) ? $clog2(G) : 1;
  localparam integer IB = $clog2(N_MAX + 1);
  localparam integer LAT = G + 2;  // start -> outputs visible (the last beat accumulates at start + G)

  wire [N_MAX*2*HB-1:0] ph;
  wire [N_MAX*N_MAX-1:0] same;
  wire [N_MAX-1:0] first;
  sp_pool_cells #(.N_MAX(N_MAX), .HB(HB), .P(P), .HO(HO), .WO(WO), .MASK(MASK)) u_cells (.hash(x_hash), .valid(x_valid), .phash(ph), .same(same), .first(first));
  // stage 0 (a beat): the beat's slots and the cells; stage 1: accumulate
  reg [N_MAX*N_MAX-1:0] same_r;
  reg [N_MAX-1:0] first_r;
  reg f1, v1;
  wire bvalid, bfirst, blast;
  wire [GB-1:0] beat;
  sp_beats #(.G(G), .BW(GB)) u_beats (.clk(clk), .rst(rst), .start(start), .valid(bvalid), .beat(beat), .first(bfirst), .last(blast));
  always @(posedge clk) begin
    same_r <= same;
    first_r <= first;
    f1 <= bfirst;
    v1 <= bvalid;
  end
  // the beat's slots: values, whether the lane has a slot, its index
  wire [L*C*XW-1:0] xl;
  wire [L-1:0] jh;
  wire [L*IB-1:0] jl;
  sp_beat_slots #(.N_MAX(N_MAX), .L(L), .BW(GB), .VW(C * XW), .IB(IB), .REG(1)) u_slots (
    .clk(clk), .beat(beat), .bank(x_feat), .val(xl), .hit(jh), .idx(jl)
  );
  reg [N_MAX*C*AW-1:0] acc;
  genvar i, c, l;
  generate
    for (i = 0; i < N_MAX; i = i + 1) begin : g_i
      for (c = 0; c < C; c = c + 1) begin : g_c
        wire [(L+1)*AW-1:0] chain /* verilator split_var */;
        assign chain[AW-1:0] = f1 ? {AW{1'b0}} : acc[(i*C+c)*AW +: AW];
        for (l = 0; l < L; l = l + 1) begin : g_l
          wire [IB-1:0] j = jl[l*IB +: IB];
          wire [XW-1:0] v = xl[(l*C+c)*XW +: XW];
          // slot j belongs to owner i
          wire mem = jh[l] && (j >= i) && first_r[i] && same_r[i*N_MAX + j];
          wire [AW-1:0] a = chain[l*AW +: AW];
          wire [AW-1:0] nxt;
          if (MAX != 0) begin : g_max
            wire gt = (XS != 0) ? ($signed(v) > $signed(a)) : (v > a);
            assign nxt = (j == i || gt) ? v : a;
          end else begin : g_avg
            sp_step #(.AW(AW), .AS(AS), .VW(XW), .VS(XS), .AL(S_AL), .VL(S_VL), .SW(S_SW), .SF(S_SF), .SS(S_SS), .DF(S_DF), .Q(S_Q), .O(S_O), .NB(S_NB))
              u_s (.acc(a), .v(v), .y(nxt));
          end
          assign chain[(l+1)*AW +: AW] = mem ? nxt : a;
        end
        always @(posedge clk) if (v1) acc[(i*C+c)*AW +: AW] <= chain[L*AW +: AW];
      end
    end
  endgenerate
  // after the last beat: outputs
  wire out_load;
  wire [N_MAX*2*HB-1:0] ph_d;
  wire [N_MAX-1:0] first_d;
  sp_side_out #(.W(N_MAX * 2 * HB + N_MAX), .LAT(LAT)) u_side (
    .clk(clk), .rst(rst), .start(start), .d({ph, first}), .late({ph_d, first_d}), .q({y_hash, y_valid}), .load(out_load), .done(done)
  );
  wire [N_MAX*C*RW-1:0] res;
  generate
    for (i = 0; i < N_MAX * C; i = i + 1) begin : g_o
      wire [RW-1:0] y;
      sp_pool_out #(.AW(AW), .AS(AS), .MAX(MAX), .RW(RW), .RTW(RRW), .RCOPY(RCOPY), .R_SW(R_SW), .R_SF(R_SF), .R_SS(R_SS),
        .R_DF(R_DF), .R_DS(R_DS), .R_Q(R_Q), .R_O(R_O), .R_NB(R_NB)) u_o (.acc(acc[i*AW +: AW]), .r(RR), .any(first_d[i/C]), .y(y));
      assign res[i*RW +: RW] = y;
    end
  endgenerate
  always @(posedge clk) begin
    if (out_load) y_feat <= res;
  end
endmodule
/* verilator lint_on WIDTH */
/* verilator lint_on UNSIGNED */
/* verilator lint_on CMPCONST */
/* verilator lint_on UNUSEDPARAM */
/* verilator lint_on UNUSEDSIGNAL */
/* verilator lint_on DECLFILENAME */
