/* verilator lint_off DECLFILENAME */
/* verilator lint_off UNUSEDSIGNAL */
/* verilator lint_off UNUSEDPARAM */
/* verilator lint_off WIDTH */
// InputReduce (packages/rtl/README.md, "InputReduce"): the first N_MAX pixels of an H x W x C image
// whose channel 0 is > THR (raw compare in the input type), in raster order, as N_MAX slots of C
// features (cast to the result type) and 1-based (h, w) hashes; unused slots hold 0 and (1, 1).
//
// No serial search: at `start` the image is captured with one activity bit per pixel; then every
// row's active count and the exclusive prefix of the counts over the rows are computed once per
// event. Each beat handles L slots in parallel (lanes); slot k lies in the row whose count range
// [off_h, off_h + cnt_h) holds k, at the (k - off_h)-th active pixel of that row: a row select, a
// row fetch, an in-row prefix count and a column fetch, each one pipeline stage. `done` pulses
// when all N_MAX slots are written (the output is all-at-once). The image is read until cycle
// start + HOLD; the next event may start after that (II >= HOLD).
module sp_reduce #(
  parameter integer H = 4,
  parameter integer W = 4,
  parameter integer C = 1,
  parameter integer XW = 8,
  parameter integer XS = 0,
  parameter [XW-1:0] THR = 0,
  parameter integer N_MAX = 4,
  parameter integer L = 1,
  parameter integer G = 4,
  parameter integer HB = 4,
  parameter integer RW = 8,
  // input -> result cast (sp_cast parameters); RCOPY = 1: identical types, bits copied
  parameter integer RCOPY = 1,
  parameter integer R_SW = 8, R_SF = 0, R_SS = 0, R_DW = 8, R_DF = 0, R_DS = 0, R_Q = 5, R_O = 3, R_NB = 0,
  parameter integer LPS = 3
) (
  input wire clk,
  input wire rst,
  input wire start,
  input wire [H*W*C*XW-1:0] x,
  output reg [N_MAX*C*RW-1:0] feat,
  output reg [N_MAX*2*HB-1:0] hash,
  output reg [N_MAX-1:0] valid,  // 1 at the kept pixels' slots (activity "mask"; docs/semantics.md section 5.1)
  output wire done
);
  localparam integer PW = C * XW;                  // pixel payload
  localparam integer CW = $clog2(W + 1);            // row count width
  localparam integer OW = $clog2(H * W + 1);        // offset width
  localparam integer KW = $clog2(N_MAX + 1) + 1;        // slot index width
  localparam integer RB = (H > 1) ? $clog2(H) : 1;
  localparam integer CB = (W > 1) ? $clog2(W) : 1;
  localparam integer BW = (G > 1) ? $clog2(G) : 1;
  localparam integer LVH = $clog2(H);
  localparam integer LVW = $clog2(W);
  localparam integer PLH = (LVH == 0) ? 0 : (LVH + LPS - 1) / LPS;  // latency of the row prefix
  localparam integer PLW = (LVW == 0) ? 0 : (LVW + LPS - 1) / LPS;  // latency of an in-row prefix
  // start -> first beat: capture with row counts (1) + row prefix (PLH)
  localparam integer T0 = 1 + PLH;
  // a beat's slots are visible 4 + PLW cycles after its row select
  localparam integer TW = 4 + PLW;

  // ---- capture: image, activity bits (channel 0 > threshold) and active pixels per row
  reg [H*W*PW-1:0] img;
  reg [H*W-1:0] act;
  reg [H*W-1:0] act_c;
  reg [H*OW-1:0] cnt_c, cnt;
  integer p, h, w;
  always @* begin
    for (p = 0; p < H * W; p = p + 1)
      act_c[p] = (XS != 0) ? ($signed(x[p*PW +: XW]) > $signed(THR)) : (x[p*PW +: XW] > THR);
    for (h = 0; h < H; h = h + 1) begin
      cnt_c[h*OW +: OW] = {OW{1'b0}};
      for (w = 0; w < W; w = w + 1) cnt_c[h*OW +: OW] = cnt_c[h*OW +: OW] + act_c[h*W + w];
    end
  end
  always @(posedge clk) begin
    if (start) begin
      img <= x;
      act <= act_c;
      cnt <= cnt_c;
    end
  end

  // ---- exclusive prefix of the row counts
  wire [H*OW-1:0] incl;
  sp_prefix #(.NIN(H), .W(OW), .LPS(LPS)) u_rows (.clk(clk), .x(cnt), .y(incl));
  // cnt is registered once more per prefix stage so that off = incl - cnt lines up
  wire [H*OW-1:0] cnt_d;
  sp_delay #(.W(H * OW), .D(PLH)) u_cnt_d (.clk(clk), .d(cnt), .q(cnt_d));

  // ---- beats
  wire st0;
  sp_pulse_delay #(.D(T0)) u_t0 (.clk(clk), .rst(rst), .d(start), .q(st0));
  wire bvalid, bfirst, blast;
  wire [BW-1:0] beat;
  sp_beats #(.G(G), .BW(BW)) u_beats (.clk(clk), .rst(rst), .start(st0), .valid(bvalid), .beat(beat), .first(bfirst), .last(blast));
  sp_pulse_delay #(.D(TW)) u_done (.clk(clk), .rst(rst), .d(blast), .q(done));

  // per lane, the slot written this cycle
  wire [L-1:0] w_v, w_found;
  wire [L*KW-1:0] w_k;
  wire [L*C*RW-1:0] w_res;
  wire [L*RB-1:0] w_row;
  wire [L*CB-1:0] w_col;
  genvar l;
  generate
    for (l = 0; l < L; l = l + 1) begin : g_lane
      wire [KW-1:0] k = beat * L + l;
      // stage A: the row whose count range holds slot k (one-hot; none when k >= total)
      reg [H-1:0] sel_a;
      reg [KW-1:0] k_a;
      reg v_a;
      integer r, rb;
      always @(posedge clk) begin
        for (r = 0; r < H; r = r + 1)
          sel_a[r] <= (incl[r*OW +: OW] - cnt_d[r*OW +: OW] <= k) && (k < incl[r*OW +: OW]);
        k_a <= k;
        v_a <= bvalid && (k < N_MAX);
      end
      // stage B: fetch the row (activity, payload, offset, index)
      reg [W-1:0] ract_b;
      reg [W*PW-1:0] rval_b;
      reg [OW-1:0] off_b;
      reg [RB-1:0] row_b;
      reg found_b, v_b;
      reg [KW-1:0] k_b;
      always @(posedge clk) begin : s_b
        reg [W-1:0] a;
        reg [W*PW-1:0] d;
        reg [OW-1:0] o;
        reg [RB-1:0] rw;
        a = {W{1'b0}};
        d = {(W * PW){1'b0}};
        o = {OW{1'b0}};
        rw = {RB{1'b0}};
        for (rb = 0; rb < H; rb = rb + 1) begin
          a = a | (act[rb*W +: W] & {W{sel_a[rb]}});
          d = d | (img[rb*W*PW +: W*PW] & {(W * PW){sel_a[rb]}});
          o = o | ((incl[rb*OW +: OW] - cnt_d[rb*OW +: OW]) & {OW{sel_a[rb]}});
          rw = rw | (rb & {RB{sel_a[rb]}});
        end
        ract_b <= a;
        rval_b <= d;
        off_b <= o;
        row_b <= rw;
        found_b <= |sel_a;
        v_b <= v_a;
        k_b <= k_a;
      end
      // stage C: in-row rank of every active pixel (prefix count), then the (k - off)-th one
      wire [W*CW-1:0] ones;
      integer c, cs, cv;
      reg [W*CW-1:0] ones_r;
      always @* for (c = 0; c < W; c = c + 1) ones_r[c*CW +: CW] = ract_b[c];
      assign ones = ones_r;
      wire [W*CW-1:0] rank_incl;
      sp_prefix #(.NIN(W), .W(CW), .LPS(LPS)) u_rank (.clk(clk), .x(ones), .y(rank_incl));
      wire [W-1:0] ract_c;
      wire [W*PW-1:0] rval_c;
      wire [OW-1:0] j_c;
      wire [RB-1:0] row_c;
      wire found_c, v_c;
      wire [KW-1:0] k_c;
      // the slot's rank in its row, OW bits (k_b - off_b alone is max(KW, OW) bits wide, and KW
      // exceeds OW when N_MAX is large for the image: it would shift the concatenation)
      wire [OW-1:0] j_b = k_b - off_b;
      sp_delay #(.W(W + W * PW + OW + RB + 2 + KW), .D(PLW)) u_c (
        .clk(clk),
        .d({ract_b, rval_b, j_b, row_b, found_b, v_b, k_b}),
        .q({ract_c, rval_c, j_c, row_c, found_c, v_c, k_c})
      );
      reg [W-1:0] csel_d;
      reg [W*PW-1:0] rval_d;
      reg [RB-1:0] row_d;
      reg found_d, v_d;
      reg [KW-1:0] k_d;
      always @(posedge clk) begin
        for (cs = 0; cs < W; cs = cs + 1)
          csel_d[cs] <= ract_c[cs] && (rank_incl[cs*CW +: CW] == j_c + 1);
        rval_d <= rval_c;
        row_d <= row_c;
        found_d <= found_c;
        v_d <= v_c;
        k_d <= k_c;
      end
      // stage D: fetch the pixel, write slot k
      reg [PW-1:0] val;
      reg [CB-1:0] col;
      always @* begin
        val = {PW{1'b0}};
        col = {CB{1'b0}};
        for (cv = 0; cv < W; cv = cv + 1) begin
          val = val | (rval_d[cv*PW +: PW] & {PW{csel_d[cv]}});
          col = col | (cv & {CB{csel_d[cv]}});
        end
      end
      wire [C*RW-1:0] res;
      genvar ch;
      for (ch = 0; ch < C; ch = ch + 1) begin : g_ch
        sp_cast #(.COPY(RCOPY), .SW(R_SW), .SF(R_SF), .SS(R_SS), .DW(R_DW), .DF(R_DF), .DS(R_DS), .Q(R_Q), .O(R_O), .NB(R_NB)) u_cast (.x(val[ch*XW +: XW]), .y(res[ch*RW +: RW]));
      end
      assign w_v[l] = v_d;
      assign w_found[l] = found_d;
      assign w_k[l*KW +: KW] = k_d;
      assign w_res[l*C*RW +: C*RW] = res;
      assign w_row[l*RB +: RB] = row_d;
      assign w_col[l*CB +: CB] = col;
    end
  endgenerate

  // The lanes fill a staging bank beat by beat; the output bank is loaded from it, all at once,
  // in the cycle of the last write, so it holds every slot for II cycles from `done`.
  reg [N_MAX*C*RW-1:0] stage_feat, next_feat;
  reg [N_MAX*2*HB-1:0] stage_hash, next_hash;
  reg [N_MAX-1:0] stage_valid, next_valid;
  integer s, q;
  always @* begin
    next_feat = stage_feat;
    next_hash = stage_hash;
    next_valid = stage_valid;
    for (q = 0; q < L; q = q + 1) begin
      for (s = 0; s < N_MAX; s = s + 1) begin
        if (w_v[q] && w_k[q*KW +: KW] == s) begin
          next_feat[s*C*RW +: C*RW] = w_found[q] ? w_res[q*C*RW +: C*RW] : {(C * RW){1'b0}};
          next_hash[2*s*HB +: HB] = w_found[q] ? w_row[q*RB +: RB] + 1'b1 : 1;
          next_hash[(2*s+1)*HB +: HB] = w_found[q] ? w_col[q*CB +: CB] + 1'b1 : 1;
          next_valid[s] = w_found[q];
        end
      end
    end
  end
  wire load;
  sp_pulse_delay #(.D(TW - 1)) u_load (.clk(clk), .rst(rst), .d(blast), .q(load));
  always @(posedge clk) begin
    stage_feat <= next_feat;
    stage_hash <= next_hash;
    stage_valid <= next_valid;
    if (load) begin
      feat <= next_feat;
      hash <= next_hash;
      valid <= next_valid;
    end
  end
endmodule
/* verilator lint_on WIDTH */
/* verilator lint_on UNUSEDPARAM */
/* verilator lint_on UNUSEDSIGNAL */
/* verilator lint_on DECLFILENAME */
