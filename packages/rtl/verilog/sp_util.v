/* verilator lint_off DECLFILENAME */
/* verilator lint_off UNUSEDSIGNAL */
/* verilator lint_off UNUSEDPARAM */
/* verilator lint_off WIDTH */
// Small building blocks shared by the layer cores.

// Beat sequencer of a time-multiplexed layer: `start` begins G beats (one per cycle); `valid`
// marks the cycles of a beat, `beat` is its index, `first`/`last` mark beat 0 and beat G-1.
module sp_beats #(
  parameter integer G = 1,
  parameter integer BW = 1
) (
  input wire clk,
  input wire rst,
  input wire start,
  output wire valid,
  output wire [BW-1:0] beat,
  output wire first,
  output wire last
);
  reg [BW-1:0] cnt;
  reg run;
  always @(posedge clk) begin
    if (rst) run <= 1'b0;
    else if (start) run <= (G > 1);
    else if (run && cnt == G - 1) run <= 1'b0;
    if (start) cnt <= 1;
    else if (run) cnt <= cnt + 1'b1;
  end
  assign valid = start | run;
  assign beat = start ? {BW{1'b0}} : cnt;
  assign first = start;
  assign last = (G == 1) ? start : (run && !start && cnt == G - 1);
endmodule

// D-cycle delay of a W-bit bus (no reset: data only). D = 0 is a wire.
module sp_delay #(
  parameter integer W = 1,
  parameter integer D = 1
) (
  input wire clk,
  input wire [W-1:0] d,
  output wire [W-1:0] q
);
  generate
    if (D == 0) begin : g_wire
      assign q = d;
    end else if (D == 1) begin : g_one
      reg [W-1:0] s;
      always @(posedge clk) s <= d;
      assign q = s;
    end else begin : g_shift
      reg [W*D-1:0] s;
      always @(posedge clk) s <= {s[W*(D-1)-1:0], d};
      assign q = s[W*D-1 -: W];
    end
  endgenerate
endmodule

// D-cycle delay of control pulses (synchronous reset, so no unknown pulse after power-up).
module sp_pulse_delay #(
  parameter integer W = 1,
  parameter integer D = 1
) (
  input wire clk,
  input wire rst,
  input wire [W-1:0] d,
  output wire [W-1:0] q
);
  generate
    if (D == 0) begin : g_wire
      assign q = d;
    end else if (D == 1) begin : g_one
      reg [W-1:0] s;
      always @(posedge clk) s <= rst ? {W{1'b0}} : d;
      assign q = s;
    end else begin : g_shift
      reg [W*D-1:0] s;
      always @(posedge clk) s <= rst ? {(W * D){1'b0}} : {s[W*(D-1)-1:0], d};
      assign q = s[W*D-1 -: W];
    end
  endgenerate
endmodule

// Sum of NIN W-bit terms modulo 2^W (order-free: every term was already cast into the
// accumulator's grid), as a binary tree with a register after every LPS levels. SW side bits
// (valid flags, indices) travel with the sum. Latency: levels / LPS, rounded up (0 if LPS = 0).
// MAX = 1: the maximum instead; each term is {present, value} (a flag bit above W - 1 value bits,
// signed if S), and the result is the largest present value with its flag (flag 0: none present).
module sp_sum_tree #(
  parameter integer W = 8,
  parameter integer NIN = 2,
  parameter integer LPS = 2,
  parameter integer SW = 1,
  parameter integer MAX = 0,
  parameter integer S = 0
) (
  input wire clk,
  input wire [NIN*W-1:0] terms,
  input wire [SW-1:0] side_in,
  output wire [W-1:0] sum,
  output wire [SW-1:0] side_out
);
  function integer count_at(input integer lv);
    integer m, k;
    begin
      m = NIN;
      for (k = 0; k < lv; k = k + 1) m = (m + 1) / 2;
      count_at = m;
    end
  endfunction
  localparam integer LV = $clog2(NIN);  // levels of halving (ceil(log2 NIN), 0 for one term)
  wire [NIN*W-1:0] lvl [0:LV] /* verilator split_var */;
  wire [SW-1:0] side [0:LV] /* verilator split_var */;
  assign lvl[0] = terms;
  assign side[0] = side_in;
  genvar l, k;
  generate
    for (l = 1; l <= LV; l = l + 1) begin : g_level
      localparam integer NP = count_at(l - 1);
      localparam integer NC = count_at(l);
      wire [NIN*W-1:0] comb;
      for (k = 0; k < NIN; k = k + 1) begin : g_node
        if (k < NC) begin : g_live
          if (2 * k + 1 < NP && MAX != 0) begin : g_max
            wire [W-1:0] a = lvl[l-1][2*k*W +: W];
            wire [W-1:0] b = lvl[l-1][(2*k+1)*W +: W];
            wire b_gt = (S != 0) ? ($signed(b[W-2:0]) > $signed(a[W-2:0])) : (b[W-2:0] > a[W-2:0]);
            assign comb[k*W +: W] = (b[W-1] && (!a[W-1] || b_gt)) ? b : a;
          end else if (2 * k + 1 < NP) begin : g_add
            assign comb[k*W +: W] = lvl[l-1][2*k*W +: W] + lvl[l-1][(2*k+1)*W +: W];
          end else begin : g_pass
            assign comb[k*W +: W] = lvl[l-1][2*k*W +: W];
          end
        end else begin : g_dead
          assign comb[k*W +: W] = {W{1'b0}};
        end
      end
      if (LPS > 0 && (l % LPS == 0 || l == LV)) begin : g_reg
        reg [NIN*W-1:0] r;
        reg [SW-1:0] rs;
        always @(posedge clk) begin
          r <= comb;
          rs <= side[l-1];
        end
        assign lvl[l] = r;
        assign side[l] = rs;
      end else begin : g_comb
        assign lvl[l] = comb;
        assign side[l] = side[l-1];
      end
    end
  endgenerate
  assign sum = lvl[LV][W-1:0];
  assign side_out = side[LV];
endmodule

// The output side of a sparse core whose slots keep their side band (hashes, validity bits): the
// band as it was at `start` (held by the producer), delayed to start + LAT - 1 (`late`) and loaded
// into `q` then (`load`); `done` pulses at start + LAT, when `q` and the first slots are visible.
module sp_side_out #(
  parameter integer W = 1,
  parameter integer LAT = 2
) (
  input wire clk,
  input wire rst,
  input wire start,
  input wire [W-1:0] d,
  output wire [W-1:0] late,
  output reg [W-1:0] q,
  output wire load,
  output wire done
);
  sp_delay #(.W(W), .D(LAT - 1)) u_d (.clk(clk), .d(d), .q(late));
  sp_pulse_delay #(.D(LAT - 1)) u_load (.clk(clk), .rst(rst), .d(start), .q(load));
  sp_pulse_delay #(.D(LAT)) u_done (.clk(clk), .rst(rst), .d(start), .q(done));
  always @(posedge clk) if (load) q <= late;
endmodule

// The slot bank a gather core fills: each cycle, lane q with v[q] writes its VW-bit value into
// slot idx[q] (IB bits); other slots hold.
module sp_bank_write #(
  parameter integer N_MAX = 4,
  parameter integer L = 1,
  parameter integer IB = 2,
  parameter integer VW = 8
) (
  input wire clk,
  input wire [L-1:0] v,
  input wire [L*IB-1:0] idx,
  input wire [L*VW-1:0] val,
  output reg [N_MAX*VW-1:0] bank
);
  integer q, s;
  always @(posedge clk) begin
    for (q = 0; q < L; q = q + 1)
      for (s = 0; s < N_MAX; s = s + 1)
        if (v[q] && idx[q*IB +: IB] == s) bank[s*VW +: VW] <= val[q*VW +: VW];
  end
endmodule

// The slots of a beat: lane q takes slot beat * L + q of a bank of N_MAX entries of VW bits (its
// value, `hit` = the slot exists, its index); a lane past the last slot gets zeros and hit = 0.
// REG = 1: registered (one pipeline stage), REG = 0: combinational.
module sp_beat_slots #(
  parameter integer N_MAX = 4,
  parameter integer L = 1,
  parameter integer BW = 1,
  parameter integer VW = 8,
  parameter integer IB = 2,
  parameter integer REG = 0
) (
  input wire clk,
  input wire [BW-1:0] beat,
  input wire [N_MAX*VW-1:0] bank,
  output wire [L*VW-1:0] val,
  output wire [L-1:0] hit,
  output wire [L*IB-1:0] idx
);
  reg [L*VW-1:0] v_c;
  reg [L-1:0] h_c;
  reg [L*IB-1:0] i_c;
  integer q, s;
  always @* begin
    v_c = {(L * VW){1'b0}};
    h_c = {L{1'b0}};
    i_c = {(L * IB){1'b0}};
    for (q = 0; q < L; q = q + 1)
      for (s = 0; s < N_MAX; s = s + 1)
        if (beat * L + q == s) begin
          v_c[q*VW +: VW] = bank[s*VW +: VW];
          h_c[q] = 1'b1;
          i_c[q*IB +: IB] = s;
        end
  end
  generate
    if (REG != 0) begin : g_reg
      reg [L*VW-1:0] v_r;
      reg [L-1:0] h_r;
      reg [L*IB-1:0] i_r;
      always @(posedge clk) begin
        v_r <= v_c;
        h_r <= h_c;
        i_r <= i_c;
      end
      assign val = v_r;
      assign hit = h_r;
      assign idx = i_r;
    end else begin : g_comb
      assign val = v_c;
      assign hit = h_c;
      assign idx = i_c;
    end
  endgenerate
endmodule

// Activity of every slot: its validity bit (MASK = 1, activity "mask") or any non-zero feature
// (MASK = 0, "nonzero").
module sp_slot_active #(
  parameter integer N_MAX = 4, C = 1, XW = 8, MASK = 0
) (
  input wire [N_MAX*C*XW-1:0] x,
  input wire [N_MAX-1:0] valid,
  output wire [N_MAX-1:0] active
);
  genvar i;
  generate
    for (i = 0; i < N_MAX; i = i + 1) begin : g_i
      assign active[i] = (MASK != 0) ? valid[i] : (|x[i*C*XW +: C*XW]);
    end
  endgenerate
endmodule

// Kernel tap of an input slot j seen from an output slot i (1-based hashes): in_win when
// |hj - hi| <= R and |wj - wi| <= R (R = (K - 1) / 2); the tap's weight address is the pair of
// offsets {hj - hi + R, wj - wi + R}, DB bits each (no multiplication: the weight ROM is laid out
// on that grid, sp_wrom).
module sp_tap #(
  parameter integer HB = 4,
  parameter integer K = 3,
  parameter integer DB = 2
) (
  input wire [HB-1:0] hi,
  input wire [HB-1:0] wi,
  input wire [HB-1:0] hj,
  input wire [HB-1:0] wj,
  output wire in_win,
  output wire [2*DB-1:0] addr
);
  localparam integer R = (K - 1) / 2;
  localparam [HB+1:0] RR = R;
  localparam [HB+1:0] R2 = 2 * R;
  // offsets + R, in [0, 2R] inside the window (two's complement, HB + 2 bits)
  wire [HB+1:0] dh = {2'b00, hj} - {2'b00, hi} + RR;
  wire [HB+1:0] dw = {2'b00, wj} - {2'b00, wi} + RR;
  assign in_win = !dh[HB+1] && (dh <= R2) && !dw[HB+1] && (dw <= R2);
  wire [HB+DB+1:0] dhe = {{DB{1'b0}}, dh};
  wire [HB+DB+1:0] dwe = {{DB{1'b0}}, dw};
  assign addr = {dhe[DB-1:0], dwe[DB-1:0]};
endmodule

// The weights of one tap as a ROM on the offset grid: row at address {dh, dw} (DB bits each) is
// WEIGHTS' row for tap dh * K + dw (RW bits: every input channel and filter), 0 off the kernel.
module sp_wrom #(
  parameter integer K = 3,
  parameter integer DB = 2,
  parameter integer RW = 8,
  parameter [K*K*RW-1:0] WEIGHTS = 0
) (
  input wire [2*DB-1:0] addr,
  output wire [RW-1:0] row
);
  (* rom_style = "logic" *) reg [RW-1:0] rom [0:(1 << (2 * DB)) - 1];
  integer a;
  initial
    for (a = 0; a < (1 << (2 * DB)); a = a + 1)
      rom[a] = ((a >> DB) < K && (a % (1 << DB)) < K) ? WEIGHTS[((a >> DB) * K + (a % (1 << DB))) * RW +: RW] : {RW{1'b0}};
  assign row = rom[addr];
endmodule
/* verilator lint_on WIDTH */
/* verilator lint_on UNUSEDPARAM */
/* verilator lint_on UNUSEDSIGNAL */
/* verilator lint_on DECLFILENAME */
