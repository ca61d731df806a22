// sparse_weight_store: the non-zero weights of one layer as (index, value) entries in a ROM (block
// RAM: one registered read per cycle), one segment per output channel (docs/weight-store.md).
// Both ROMs are initialised with $readmemh from the files export-weights writes:
//   ENTRIES_HEX   weights_entries.hex, DEPTH words {index[IW], value[VW]}
//   SEGMENTS_HEX  weights_segments.hex, CHANNELS words {offset[OW], length[LW]}
// On `start` the segment of `channel` is streamed: one entry per cycle on out_index / out_value with
// out_valid, out_last on the final one; `done` pulses one cycle after the last entry (or one cycle
// after `start` for an empty segment).
module sparse_weight_store #(
  parameter integer DEPTH = 1,
  parameter integer CHANNELS = 1,
  parameter integer CW = 1,
  parameter integer IW = 1,
  parameter integer VW = 8,
  parameter integer OW = 1,
  parameter integer LW = 1,
  parameter ENTRIES_HEX = "weights_entries.hex",
  parameter SEGMENTS_HEX = "weights_segments.hex"
) (
  input  wire          clk,
  input  wire          rst,
  input  wire          start,
  input  wire [CW-1:0] channel,
  output reg           out_valid,
  output wire [IW-1:0] out_index,
  output wire [VW-1:0] out_value,
  output reg           out_last,
  output reg           done
);
  localparam integer ROWS = DEPTH > 0 ? DEPTH : 1;
  localparam integer ADDR = ROWS > 1 ? $clog2(ROWS) : 1;  // <= OW, which holds 0..DEPTH
  reg [IW+VW-1:0] entries [0:ROWS-1];
  reg [OW+LW-1:0] segments [0:CHANNELS-1];
  initial begin
    if (DEPTH > 0) $readmemh(ENTRIES_HEX, entries);
    $readmemh(SEGMENTS_HEX, segments);
  end

  wire [OW+LW-1:0] seg = segments[channel];
  reg  [OW-1:0] ptr;
  reg  [LW-1:0] left;
  reg           busy;
  reg           empty;
  reg  [IW+VW-1:0] word;
  localparam [LW-1:0] ONE = 1;
  localparam [LW-1:0] ZERO = 0;

  assign out_index = word[IW+VW-1:VW];
  assign out_value = word[VW-1:0];

  always @(posedge clk) begin
    if (rst) begin
      busy <= 1'b0;
      out_valid <= 1'b0;
      out_last <= 1'b0;
      done <= 1'b0;
      empty <= 1'b0;
    end else begin
      done <= (out_valid && out_last) || empty;
      empty <= 1'b0;
      out_valid <= 1'b0;
      out_last <= 1'b0;
      if (start) begin
        ptr <= seg[OW+LW-1:LW];
        left <= seg[LW-1:0];
        busy <= seg[LW-1:0] != ZERO;
        empty <= seg[LW-1:0] == ZERO;
      end else if (busy) begin
        word <= entries[ptr[ADDR-1:0]];
        out_valid <= 1'b1;
        out_last <= left == ONE;
        busy <= left != ONE;
        ptr <= ptr + 1'b1;
        left <= left - 1'b1;
      end
    end
  end
endmodule
