/* verilator lint_off DECLFILENAME */
/* verilator lint_off UNUSEDSIGNAL */
/* verilator lint_off UNUSEDPARAM */
/* verilator lint_off WIDTH */
// Activations (packages/core/README.md) on E elements every cycle (a dense vector, or N_MAX slots of
// ROW channels when SPARSE = 1: an inactive slot, all features 0, stays 0). Stateless pipelines:
// whatever schedule the input follows, the output follows it LAT cycles later.

// A table ROM read through a register: q = table[addr] one cycle later (T entries of TW bits; TF = 1:
// loaded from the file TFILE with $readmemh, for tables no Verilog literal can hold, else from TABLE).
module sp_table_rom #(
  parameter integer T = 1024, TW = 16, TF = 0,
  parameter TFILE = "table.hex",
  parameter [((TF != 0) ? 1 : T*TW)-1:0] TABLE = 0
) (
  input wire clk,
  input wire [31:0] addr,
  output reg [TW-1:0] q
);
  (* rom_style = "block" *) reg [TW-1:0] rom [0:T-1];
  generate
    if (TF != 0) begin : g_file
      initial $readmemh(TFILE, rom);
    end else begin : g_param
      integer r;
      initial for (r = 0; r < T; r = r + 1) rom[r] = TABLE[r*TW +: TW];
    end
  endgenerate
  always @(posedge clk) q <= rom[addr];
endmodule

// relu (KIND 0: x > 0 ? x : 0) and linear (KIND 1), each cast into the result type.
module sp_act_elem #(
  parameter integer E = 1, KIND = 0, XW = 8, XS = 0, RW = 8, REG = 0,
  parameter integer RCOPY = 1, R_SF = 0, R_DF = 0, R_DS = 0, R_Q = 5, R_O = 3, R_NB = 0
) (
  input wire clk,
  input wire [E*XW-1:0] x,
  output wire [E*RW-1:0] y
);
  wire [E*RW-1:0] r;
  genvar e;
  generate
    for (e = 0; e < E; e = e + 1) begin : g_e
      wire [XW-1:0] v = x[e*XW +: XW];
      wire pos = (XS != 0) ? (!v[XW-1] && v != 0) : (v != 0);
      wire [RW-1:0] c;
      sp_cast #(.COPY(RCOPY), .SW(XW), .SF(R_SF), .SS(XS), .DW(RW), .DF(R_DF), .DS(R_DS), .Q(R_Q), .O(R_O), .NB(R_NB)) u_c (.x(v), .y(c));
      assign r[e*RW +: RW] = (KIND == 1 || pos) ? c : {RW{1'b0}};
    end
    if (REG != 0) begin : g_reg
      reg [E*RW-1:0] q;
      always @(posedge clk) q <= r;
      assign y = q;
    end else begin : g_comb
      assign y = r;
    end
  endgenerate
endmodule

// Table sigmoid: index T/2 + floor(x * 2^SH) clamped to [0, T-1] (SH = log2 T - 4 - F_x), the
// table entry cast into the result type. LAT = 2.
module sp_act_sigmoid #(
  parameter integer E = 1, ROW = 1, SPARSE = 0, MASK = 0, XW = 8, XS = 0, SH = 0, T = 1024, TW = 16, RW = 16,
  // TF = 1: the table is read from the file TFILE ($readmemh, one hex entry a line; large tables,
  // which no Verilog literal can hold), else from TABLE
  parameter integer TF = 0,
  parameter TFILE = "table.hex",
  parameter [((TF != 0) ? 1 : T*TW)-1:0] TABLE = 0,
  parameter integer RCOPY = 1, R_SF = 0, R_SS = 0, R_DF = 0, R_DS = 0, R_Q = 5, R_O = 3, R_NB = 0
) (
  input wire clk,
  input wire [E*XW-1:0] x,
  input wire [E/ROW-1:0] x_valid,  // per row (slot), read when MASK = 1
  output wire [E*RW-1:0] y
);
  localparam integer SHP = (SH > 0) ? SH : 0;
  localparam integer SHN = (SH < 0) ? -SH : 0;
  localparam integer IW = XW + SHP + 2 + 32;
  genvar e;
  generate
    for (e = 0; e < E; e = e + 1) begin : g_e
      wire [XW-1:0] v = x[e*XW +: XW];
      wire signed [IW-1:0] xs = {{(IW - XW){(XS != 0) ? v[XW-1] : 1'b0}}, v};
      wire signed [IW-1:0] sh = (SH >= 0) ? (xs <<< SHP) : (xs >>> SHN);
      wire signed [IW-1:0] idx = sh + T / 2;
      wire act = (SPARSE == 0) || ((MASK != 0) ? x_valid[e/ROW] : (|x[(e/ROW)*ROW*XW +: ROW*XW]));
      wire [31:0] ti = (idx < 0) ? 0 : (idx > T - 1) ? T - 1 : idx;
      wire [TW-1:0] t;
      sp_table_rom #(.T(T), .TW(TW), .TF(TF), .TFILE(TFILE), .TABLE(TABLE)) u_rom (.clk(clk), .addr(ti), .q(t));
      reg act1;
      always @(posedge clk) act1 <= act;
      wire [RW-1:0] c;
      sp_cast #(.COPY(RCOPY), .SW(TW), .SF(R_SF), .SS(R_SS), .DW(RW), .DF(R_DF), .DS(R_DS), .Q(R_Q), .O(R_O), .NB(R_NB)) u_c (.x(t), .y(c));
      reg [RW-1:0] yq;
      always @(posedge clk) yq <= act1 ? c : {RW{1'b0}};
      assign y[e*RW +: RW] = yq;
    end
  endgenerate
endmodule

// Table softmax over rows of ROW values (core's softmax.ts): max; exp[min(E_N-1, (max - x) * 2^ESH)];
// the sum in the sum type (one cast per step, S_*); inv[clamp(sum * 2^ISH)]; out = exp * inv cast
// once (O_*). LAT = 6.
module sp_act_softmax #(
  parameter integer E = 1, ROW = 1, SPARSE = 0, MASK = 0, XW = 8, XS = 0,
  parameter integer ESH = 0, EN = 1024, EW = 17, ES = 0, ISH = 0, IN = 1024, IW = 17, IS = 0, SUW = 20, SUS = 0,
  // TF = 1: both tables are read from the files EFILE and IFILE ($readmemh), else from EXP and INV
  parameter integer TF = 0,
  parameter EFILE = "exp.hex",
  parameter IFILE = "inv.hex",
  parameter [((TF != 0) ? 1 : EN*EW)-1:0] EXP = 0,
  parameter [((TF != 0) ? 1 : IN*IW)-1:0] INV = 0,
  parameter integer S_AL = 0, S_VL = 0, S_SW = 21, S_SF = 16, S_SS = 0, S_DF = 16, S_Q = 5, S_O = 0, S_NB = 0,
  parameter integer RW = 16, O_SF = 32, O_DF = 16, O_DS = 0, O_Q = 0, O_O = 0, O_NB = 0
) (
  input wire clk,
  input wire [E*XW-1:0] x,
  input wire [E/ROW-1:0] x_valid,  // per row (slot), read when MASK = 1
  output reg [E*RW-1:0] y
);
  localparam integer NR = E / ROW;
  localparam integer DW = XW + 2 + 32;
  genvar r, k;
  generate
    for (r = 0; r < NR; r = r + 1) begin : g_row
      wire [ROW*XW-1:0] xr = x[r*ROW*XW +: ROW*XW];
      // stage 1: row maximum
      reg [XW-1:0] m;
      integer q;
      always @* begin
        m = xr[XW-1:0];
        for (q = 1; q < ROW; q = q + 1)
          if ((XS != 0) ? ($signed(xr[q*XW +: XW]) > $signed(m)) : (xr[q*XW +: XW] > m)) m = xr[q*XW +: XW];
      end
      reg [ROW*XW-1:0] x1;
      reg [XW-1:0] m1;
      reg a1, a2, a3, a4, a5;
      always @(posedge clk) begin
        x1 <= xr;
        m1 <= m;
        a1 <= (SPARSE == 0) || ((MASK != 0) ? x_valid[r] : (|xr));
      end
      // stage 2: exp-table indices; stage 3: entries
      reg [ROW*32-1:0] i2;
      wire [ROW*EW-1:0] y3;
      reg [ROW*EW-1:0] y4, y5;
      for (k = 0; k < ROW; k = k + 1) begin : g_k
        wire signed [DW-1:0] mx = {{(DW - XW){(XS != 0) ? m1[XW-1] : 1'b0}}, m1};
        wire signed [DW-1:0] xk = {{(DW - XW){(XS != 0) ? x1[k*XW+XW-1] : 1'b0}}, x1[k*XW +: XW]};
        wire signed [DW-1:0] d = mx - xk;
        wire signed [DW-1:0] ds = (ESH >= 0) ? (d <<< ESH) : (d >>> -ESH);
        always @(posedge clk) i2[k*32 +: 32] <= (ds > EN - 1) ? EN - 1 : ds;
        sp_table_rom #(.T(EN), .TW(EW), .TF(TF), .TFILE(EFILE), .TABLE(EXP)) u_exp (.clk(clk), .addr(i2[k*32 +: 32]), .q(y3[k*EW +: EW]));
      end
      always @(posedge clk) begin
        a2 <= a1;
        a3 <= a2;
        a4 <= a3;
        a5 <= a4;
        y4 <= y3;
        y5 <= y4;
      end
      // stage 4: the sum (k ascending), then the reciprocal-table index
      wire [(ROW+1)*SUW-1:0] chain /* verilator split_var */;
      assign chain[SUW-1:0] = {SUW{1'b0}};
      for (k = 0; k < ROW; k = k + 1) begin : g_sum
        sp_step #(.AW(SUW), .AS(SUS), .VW(EW), .VS(ES), .AL(S_AL), .VL(S_VL), .SW(S_SW), .SF(S_SF), .SS(S_SS), .DF(S_DF), .Q(S_Q), .O(S_O), .NB(S_NB))
          u_s (.acc(chain[k*SUW +: SUW]), .v(y3[k*EW +: EW]), .y(chain[(k+1)*SUW +: SUW]));
      end
      wire [SUW-1:0] sum = chain[ROW*SUW +: SUW];
      wire signed [SUW+33:0] ss = {{34{(SUS != 0) ? sum[SUW-1] : 1'b0}}, sum};
      wire signed [SUW+33:0] si = (ISH >= 0) ? (ss <<< ISH) : (ss >>> -ISH);
      reg [31:0] j4;
      always @(posedge clk) j4 <= (si < 0) ? 0 : (si > IN - 1) ? IN - 1 : si;
      // stage 5: reciprocal; stage 6: products cast once
      wire [IW-1:0] r5;
      sp_table_rom #(.T(IN), .TW(IW), .TF(TF), .TFILE(IFILE), .TABLE(INV)) u_inv (.clk(clk), .addr(j4), .q(r5));
      for (k = 0; k < ROW; k = k + 1) begin : g_out
        wire [EW+IW-1:0] prod;
        sp_mul #(.XW(EW), .XS(ES), .WW(IW), .WS(IS)) u_m (.x(y5[k*EW +: EW]), .w(r5), .p(prod));
        wire [RW-1:0] c;
        sp_cast #(.SW(EW + IW), .SF(O_SF), .SS((ES != 0 || IS != 0) ? 1 : 0), .DW(RW), .DF(O_DF), .DS(O_DS), .Q(O_Q), .O(O_O), .NB(O_NB)) u_c (.x(prod), .y(c));
        always @(posedge clk) y[(r*ROW+k)*RW +: RW] <= a5 ? c : {RW{1'b0}};
      end
    end
  endgenerate
endmodule
/* verilator lint_on WIDTH */
/* verilator lint_on UNUSEDPARAM */
/* verilator lint_on UNUSEDSIGNAL */
/* verilator lint_on DECLFILENAME */
