import { describe, expect, it } from 'vitest';
import { bits, concat, lit, VerilogModule } from './builder';
import { checkIdentifier, isVerilogIdentifier } from './identifiers';

describe('identifiers', () => {
  it('accepts simple names and refuses keywords, bad characters and escapes', () => {
    expect(isVerilogIdentifier('conv1')).toBe(true);
    expect(isVerilogIdentifier('_x9')).toBe(true);
    for (const bad of ['module', 'wire', 'logic', 'always_ff', '1x', 'a-b', 'a b', '\\esc', 'a$b', '']) {
      expect(isVerilogIdentifier(bad)).toBe(false);
    }
    expect(() => checkIdentifier('reg', 'layer name', 'layer "reg"')).toThrowErrorMatchingInlineSnapshot(
      `[SparsePixelsError: layer "reg": layer name 'reg' is a Verilog/SystemVerilog keyword; choose another name]`,
    );
    expect(() => checkIdentifier('x;y', 'build.project')).toThrowErrorMatchingInlineSnapshot(
      `[SparsePixelsError: build.project 'x;y' is not a Verilog identifier (letters, digits, '_', not starting with a digit)]`,
    );
  });
});

describe('VerilogModule', () => {
  it('prints ports, wires, instances with sized literals and refuses duplicate names', () => {
    const m = new VerilogModule('top', ['a test']);
    const clk = m.port('input', 'clk', 1);
    const x = m.port('input', 'x', 8);
    const y = m.port('output', 'y', 4);
    m.wire('w', 4, concat([bits('x', 4, 2), lit(2, -1)]));
    m.instance('sub', 'u_sub', { W: 4, K: -3, V: { width: 12, value: 0xabcn } }, { clk, a: x, b: y });
    expect(m.text()).toMatchInlineSnapshot(`
      "// a test
      module top (
        input wire clk,
        input wire [7:0] x,
        output wire [3:0] y
      );
        wire [3:0] w = {x[5:4], 2'h3};
        sub #(
          .W(4),
          .K(-3),
          .V(12'habc)
        ) u_sub (
          .clk(clk),
          .a(x),
          .b(y)
        );
      endmodule
      "
    `);
    expect(() => m.wire('x', 1)).toThrow(/declared twice/);
    expect(() => new VerilogModule('endmodule')).toThrow(/keyword/);
  });
});
