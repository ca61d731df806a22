/* verilator lint_off DECLFILENAME */
/* verilator lint_off UNUSEDSIGNAL */
/* verilator lint_off UNUSEDPARAM */
/* verilator lint_off WIDTH */
// Prefix sums (Kogge-Stone) of NIN W-bit values modulo 2^W: y[i] = x[0] + ... + x[i] (inclusive),
// with a register after every LPS levels (LPS = 0: combinational). Latency: sp_prefix_latency.
module sp_prefix #(
  parameter integer NIN = 2,
  parameter integer W = 8,
  parameter integer LPS = 3
) (
  input wire clk,
  input wire [NIN*W-1:0] x,
  output wire [NIN*W-1:0] y
);
  localparam integer LV = $clog2(NIN);
  wire [NIN*W-1:0] lvl [0:LV] /* verilator split_var */;
  assign lvl[0] = x;
  genvar l, i;
  generate
    for (l = 1; l <= LV; l = l + 1) begin : g_level
      localparam integer D = 1 << (l - 1);
      wire [NIN*W-1:0] comb;
      for (i = 0; i < NIN; i = i + 1) begin : g_elem
        if (i >= D) begin : g_add
          assign comb[i*W +: W] = lvl[l-1][i*W +: W] + lvl[l-1][(i-D)*W +: W];
        end else begin : g_pass
          assign comb[i*W +: W] = lvl[l-1][i*W +: W];
        end
      end
      if (LPS > 0 && (l % LPS == 0 || l == LV)) begin : g_reg
        reg [NIN*W-1:0] r;
        always @(posedge clk) r <= comb;
        assign lvl[l] = r;
      end else begin : g_comb
        assign lvl[l] = comb;
      end
    end
  endgenerate
  assign y = lvl[LV];
endmodule
/* verilator lint_on WIDTH */
/* verilator lint_on UNUSEDPARAM */
/* verilator lint_on UNUSEDSIGNAL */
/* verilator lint_on DECLFILENAME */
