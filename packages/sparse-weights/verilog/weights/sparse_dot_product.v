// sparse_dot_product: one layer's outputs for one input vector, channel after channel, from the
// compressed weight store (sparse_weight_store) through the zero-skipping accumulator
// (zero_skip_mac), with the layer's bias rule and result conversion (docs/semantics.md#accumulation-order):
//   BIAS_MODE 1 ('first', Dense and Conv2D): acc starts at bias[o] converted to the accumulator type;
//   BIAS_MODE 2 ('if-nonzero', SparseConv2D): acc starts at 0, and acc += bias[o] when acc != 0;
// then res = acc converted to the result type. A conversion between identical types copies the bits
// (BIAS_COPY, RES_COPY = 1).
// The terms are consumed in index order (tap, then input channel): the normative order of Dense and
// Conv2D, and of SparseConv2D whenever the neighbours of the output slot are in raster order.
// The input vector lives outside, in a buffer with a registered read (block RAM): the block asks for
// x[x_index] when x_read is high and expects x_value one cycle later.
//
//   start       begin with channel 0 (the input buffer must stay unchanged until done)
//   out_valid   out_channel / out_value carry one result (raw of the result type)
//   done        pulses one cycle after the last channel's out_valid
//   cycles      clock cycles from start to done; macs: multiply-accumulates performed
/* verilator lint_off UNUSEDSIGNAL */
module sparse_dot_product #(
  // store
  parameter integer DEPTH = 1,
  parameter integer CHANNELS = 1,
  parameter integer CW = 1,
  parameter integer IW = 1,
  parameter integer OW = 1,
  parameter integer LW = 1,
  parameter ENTRIES_HEX = "weights_entries.hex",
  parameter SEGMENTS_HEX = "weights_segments.hex",
  parameter BIAS_HEX = "bias_values.hex",
  // operands
  parameter integer XW = 8,
  parameter integer XS = 0,
  parameter integer WW = 8,
  parameter integer WS = 1,
  // accumulator and the term step
  parameter integer AW = 16,
  parameter integer AS = 1,
  parameter integer AF = 8,
  parameter integer AQ = 5,
  parameter integer AO = 3,
  parameter integer ANB = 0,
  parameter integer SW = 17,
  parameter integer SF = 8,
  parameter integer ASH = 0,
  parameter integer PSH = 0,
  // bias: BIAS_MODE 0 none, 1 first, 2 if-nonzero; bias type; the bias step (mode 2) sum type
  parameter integer BIAS_MODE = 1,
  parameter integer BW = 8,
  parameter integer BS = 1,
  parameter integer BF = 0,
  parameter integer BIAS_COPY = 0,
  parameter integer BSW = 17,
  parameter integer BSF = 8,
  parameter integer BASH = 0,
  parameter integer BBSH = 0,
  // result
  parameter integer RW = 16,
  parameter integer RS = 1,
  parameter integer RF = 8,
  parameter integer RQ = 5,
  parameter integer RO = 3,
  parameter integer RNB = 0,
  parameter integer RES_COPY = 1
) (
  input  wire                 clk,
  input  wire                 rst,
  input  wire                 start,
  output wire                 x_read,
  output wire [IW-1:0]        x_index,
  input  wire [XW-1:0]        x_value,
  output reg                  out_valid,
  output reg  [CW-1:0]        out_channel,
  output reg  [RW-1:0]        out_value,
  output reg                  done,
  output reg  [31:0]          cycles,
  output reg  [31:0]          macs
);
  reg [BW-1:0] bias [0:CHANNELS-1];
  initial if (BIAS_MODE != 0) $readmemh(BIAS_HEX, bias);

  localparam [1:0] IDLE = 2'd0, LOAD = 2'd1, RUN = 2'd2, FINISH = 2'd3;
  localparam integer LAST_CH = CHANNELS - 1;
  localparam [CW-1:0] LAST = LAST_CH[CW-1:0];
  reg [1:0] state;
  reg [CW-1:0] ch;
  reg last_out;  // the last channel's result is on the outputs: done follows one cycle later
  wire [BW-1:0] b = BIAS_MODE != 0 ? bias[ch] : {BW{1'b0}};

  // bias -> accumulator (mode 1), converted or copied (identical types)
  wire [AW-1:0] b_acc;
  sp_cast #(.COPY(BIAS_COPY), .SW(BW), .SF(BF), .SS(BS), .DW(AW), .DF(AF), .DS(AS), .Q(AQ), .O(AO), .NB(ANB)) u_bias_first (.x(b), .y(b_acc));
  wire [AW-1:0] acc_init = BIAS_MODE == 1 ? b_acc : {AW{1'b0}};

  wire st_valid, st_last, st_done;
  wire [IW-1:0] st_index;
  wire [WW-1:0] st_value;
  sparse_weight_store #(
    .DEPTH(DEPTH), .CHANNELS(CHANNELS), .CW(CW), .IW(IW), .VW(WW), .OW(OW), .LW(LW),
    .ENTRIES_HEX(ENTRIES_HEX), .SEGMENTS_HEX(SEGMENTS_HEX)
  ) u_store (
    .clk(clk), .rst(rst), .start(state == LOAD), .channel(ch),
    .out_valid(st_valid), .out_index(st_index), .out_value(st_value), .out_last(st_last), .done(st_done)
  );

  // the input read is issued with the entry; the weight waits one cycle for x_value
  assign x_read = st_valid;
  assign x_index = st_index;
  reg w_valid;
  reg [WW-1:0] w_value;
  always @(posedge clk) begin
    w_valid <= st_valid && !rst;
    w_value <= st_value;
  end

  wire [AW-1:0] acc;
  wire [31:0] ch_macs;
  zero_skip_mac #(
    .XW(XW), .XS(XS), .WW(WW), .WS(WS), .AW(AW), .AS(AS), .AF(AF),
    .SW(SW), .SF(SF), .ASH(ASH), .PSH(PSH), .Q(AQ), .O(AO), .NB(ANB)
  ) u_mac (
    .clk(clk), .start(state == LOAD), .acc_init(acc_init), .in_valid(w_valid),
    .in_value(w_value), .x_value(x_value), .acc(acc), .macs(ch_macs)
  );

  // bias if non-zero (mode 2): acc + bias in the bias step's sum type, one conversion
  localparam integer BSS = (AS != 0 || BS != 0) ? 1 : 0;
  wire [AW-1:0] acc_biased;
  sp_step #(.AW(AW), .AS(AS), .VW(BW), .VS(BS), .AL(BASH), .VL(BBSH), .SW(BSW), .SF(BSF), .SS(BSS), .DF(AF), .Q(AQ), .O(AO), .NB(ANB))
    u_bias_step (.acc(acc), .v(b), .y(acc_biased));
  wire [AW-1:0] final_acc = BIAS_MODE == 2 && acc != {AW{1'b0}} ? acc_biased : acc;

  // accumulator -> result
  wire [RW-1:0] res;
  sp_cast #(.COPY(RES_COPY), .SW(AW), .SF(AF), .SS(AS), .DW(RW), .DF(RF), .DS(RS), .Q(RQ), .O(RO), .NB(RNB)) u_result (.x(final_acc), .y(res));

  always @(posedge clk) begin
    if (rst) begin
      state <= IDLE;
      out_valid <= 1'b0;
      done <= 1'b0;
      last_out <= 1'b0;
    end else begin
      out_valid <= 1'b0;
      done <= last_out;
      last_out <= 1'b0;
      if (state != IDLE) cycles <= cycles + 32'd1;
      case (state)
        IDLE: if (start) begin
          ch <= {CW{1'b0}};
          cycles <= 32'd1;
          macs <= 32'd0;
          state <= LOAD;
        end
        LOAD: state <= RUN;
        RUN: if (st_done) state <= FINISH;  // the last pair is accumulated at this edge
        default: begin
          out_valid <= 1'b1;
          out_channel <= ch;
          out_value <= res;
          macs <= macs + ch_macs;
          if (ch == LAST) begin
            last_out <= 1'b1;
            state <= IDLE;
          end else begin
            ch <= ch + 1'b1;
            state <= LOAD;
          end
        end
      endcase
    end
  end
endmodule
/* verilator lint_on UNUSEDSIGNAL */
