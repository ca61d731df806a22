/* verilator lint_off DECLFILENAME */
/* verilator lint_off UNUSEDSIGNAL */
/* verilator lint_off UNUSEDPARAM */
/* verilator lint_off WIDTH */
// SparseFlatten (packages/core/README.md): a dense HO x WO x C vector in (h, w, c) order, zero
// where no slot writes; slots in order, each non-zero feature written at its pixel (a later slot
// overwrites), cast to the result type. Input all-at-once; output all-at-once, 2 cycles later.
module sp_flatten #(
  parameter integer N_MAX = 4, C = 1, HO = 2, WO = 2, HB = 4, XW = 8, RW = 8,
  parameter integer RCOPY = 1, R_SF = 0, R_SS = 0, R_DF = 0, R_DS = 0, R_Q = 5, R_O = 3, R_NB = 0
) (
  input wire clk,
  input wire rst,
  input wire start,
  input wire [N_MAX*C*XW-1:0] x_feat,
  input wire [N_MAX*2*HB-1:0] x_hash,
  output reg [HO*WO*C*RW-1:0] y,
  output wire done
);
  sp_pulse_delay #(.D(2)) u_done (.clk(clk), .rst(rst), .d(start), .q(done));
  // stage 1: which slot sits at which pixel
  reg [HO*WO*N_MAX-1:0] at;
  reg [N_MAX*C*XW-1:0] x1;
  integer p, s;
  // loaded at start only, so the output holds for II cycles whatever the input does meanwhile
  always @(posedge clk) begin
    if (start) begin
      for (p = 0; p < HO * WO; p = p + 1)
        for (s = 0; s < N_MAX; s = s + 1)
          at[p*N_MAX+s] <= (x_hash[2*s*HB +: HB] == p / WO + 1) && (x_hash[(2*s+1)*HB +: HB] == p % WO + 1);
      x1 <= x_feat;
    end
  end
  // stage 2: the last slot with a non-zero value wins
  genvar e;
  generate
    for (e = 0; e < HO * WO * C; e = e + 1) begin : g_e
      reg [XW-1:0] v;
      integer t;
      always @* begin
        v = {XW{1'b0}};
        for (t = 0; t < N_MAX; t = t + 1)
          if (at[(e/C)*N_MAX+t] && x1[(t*C+e%C)*XW +: XW] != 0) v = x1[(t*C+e%C)*XW +: XW];
      end
      wire [RW-1:0] r;
      sp_cast #(.COPY(RCOPY), .SW(XW), .SF(R_SF), .SS(R_SS), .DW(RW), .DF(R_DF), .DS(R_DS), .Q(R_Q), .O(R_O), .NB(R_NB)) u_c (.x(v), .y(r));
      always @(posedge clk) y[e*RW +: RW] <= r;
    end
  endgenerate
endmodule
/* verilator lint_on WIDTH */
/* verilator lint_on UNUSEDPARAM */
/* verilator lint_on UNUSEDSIGNAL */
/* verilator lint_on DECLFILENAME */
