/**
 * A small typed Verilog-2005 writer: modules are built from declarations, instances and
 * assignments whose names are checked identifiers and whose constants are sized literals, then
 * printed. Expressions are Expr values made by the helpers below (never free text from the model).
 */
import { SparsePixelsError } from '@sparsepixels/core';
import { checkIdentifier } from './identifiers';

/** A Verilog expression built by the helpers of this file. */
export class Expr {
  private constructor(readonly text: string) {}
  /** @internal */
  static of(text: string): Expr {
    return new Expr(text);
  }
  toString(): string {
    return this.text;
  }
}

/** A declared signal or port, by name. */
export function ref(name: string): Expr {
  return Expr.of(checkIdentifier(name, 'signal'));
}

/** Bits [lsb + width - 1 : lsb] of a named signal. */
export function bits(name: string, lsb: number, width: number): Expr {
  checkInt(lsb, 0, 'bit index');
  checkInt(width, 1, 'bit width');
  return Expr.of(`${checkIdentifier(name, 'signal')}[${lsb + width - 1}:${lsb}]`);
}

/** A sized literal `W'hX` (two's complement for negative values). */
export function lit(width: number, value: bigint | number): Expr {
  checkInt(width, 1, 'literal width');
  const v = BigInt(value);
  const mod = 1n << BigInt(width);
  const u = ((v % mod) + mod) % mod;
  return Expr.of(`${width}'h${u.toString(16)}`);
}

/** `{a, b, ...}` (first element is the most significant). */
export function concat(parts: readonly Expr[]): Expr {
  if (parts.length === 0) throw new SparsePixelsError('SP_RTL_INTERNAL', 'empty concatenation');
  return parts.length === 1 ? parts[0]! : Expr.of(`{${parts.join(', ')}}`);
}

/** `{n{e}}`. */
export function repeat(n: number, e: Expr): Expr {
  checkInt(n, 1, 'repeat count');
  return Expr.of(`{${n}{${e}}}`);
}

/** `a == b`. */
export function eq(a: Expr, b: Expr): Expr {
  return Expr.of(`(${a} == ${b})`);
}

/** `a && b`. */
export function and(a: Expr, b: Expr): Expr {
  return Expr.of(`(${a} && ${b})`);
}

/** `c ? a : b`. */
export function cond(c: Expr, a: Expr, b: Expr): Expr {
  return Expr.of(`(${c} ? ${a} : ${b})`);
}

/** `a - b`. */
export function minus(a: Expr, b: Expr): Expr {
  return Expr.of(`(${a} - ${b})`);
}

/** A module parameter value: a 32-bit integer, a wide bit vector, or a file path (a string). */
export type ParamValue = number | { readonly width: number; readonly value: bigint } | { readonly file: string };

/** Relative paths of files a design reads ($readmemh): letters, digits, '_', '-', '.', '/'. */
const FILE_PATH = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;

function checkInt(v: number, min: number, what: string): void {
  if (!Number.isInteger(v) || v < min) throw new SparsePixelsError('SP_RTL_INTERNAL', `${what} ${v} is not an integer >= ${min}`);
}

function paramText(v: ParamValue): string {
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < -(2 ** 31) || v >= 2 ** 31) {
      throw new SparsePixelsError('SP_RTL_INTERNAL', `integer parameter ${v} does not fit 32 bits`);
    }
    return v < 0 ? `-${-v}` : String(v);
  }
  if ('file' in v) {
    if (!FILE_PATH.test(v.file) || v.file.includes('..')) throw new SparsePixelsError('SP_RTL_INTERNAL', `file parameter "${v.file}" is not a plain relative path`);
    return `"${v.file}"`;
  }
  return lit(v.width, v.value).text;
}

export type PortDir = 'input' | 'output';

interface Port {
  readonly dir: PortDir;
  readonly name: string;
  readonly width: number;
  readonly reg: boolean;
}

/** One module under construction. */
export class VerilogModule {
  private readonly ports: Port[] = [];
  private readonly body: string[] = [];
  private readonly names = new Set<string>();

  constructor(
    readonly name: string,
    private readonly comment: readonly string[] = [],
  ) {
    checkIdentifier(name, 'module name');
  }

  private declare(name: string): string {
    checkIdentifier(name, 'signal');
    if (this.names.has(name)) throw new SparsePixelsError('SP_RTL_INTERNAL', `signal '${name}' declared twice in module ${this.name}`);
    this.names.add(name);
    return name;
  }

  port(dir: PortDir, name: string, width: number, o: { reg?: boolean } = {}): Expr {
    checkInt(width, 1, `width of port ${name}`);
    this.ports.push({ dir, name: this.declare(name), width, reg: o.reg === true });
    return ref(name);
  }

  note(text: string): this {
    for (const line of text.split('\n')) this.body.push(`  // ${line}`);
    return this;
  }

  wire(name: string, width: number, value?: Expr): Expr {
    checkInt(width, 1, `width of ${name}`);
    this.declare(name);
    this.body.push(`  wire ${range(width)}${name}${value ? ` = ${value}` : ''};`);
    return ref(name);
  }

  /** A wire the Verilator test bench reads (a trace probe); a comment for every other tool. */
  publicWire(name: string, width: number): Expr {
    checkInt(width, 1, `width of ${name}`);
    this.declare(name);
    this.body.push(`  wire ${range(width)}${name} /* verilator public_flat_rd */;`);
    return ref(name);
  }

  reg(name: string, width: number): Expr {
    checkInt(width, 1, `width of ${name}`);
    this.declare(name);
    this.body.push(`  reg ${range(width)}${name};`);
    return ref(name);
  }

  assign(lhs: Expr, rhs: Expr): this {
    this.body.push(`  assign ${lhs} = ${rhs};`);
    return this;
  }

  /** `always @(posedge clk) lhs <= rhs;` for each pair (a plain register, no reset). */
  registers(clk: Expr, pairs: readonly (readonly [Expr, Expr])[]): this {
    if (pairs.length === 0) return this;
    this.body.push(`  always @(posedge ${clk}) begin`);
    for (const [l, r] of pairs) this.body.push(`    ${l} <= ${r};`);
    this.body.push('  end');
    return this;
  }

  /** A synchronous-reset register: `lhs <= rst ? init : rhs`. */
  resetRegister(clk: Expr, rst: Expr, lhs: Expr, init: Expr, rhs: Expr): this {
    this.body.push(`  always @(posedge ${clk}) ${lhs} <= ${rst} ? ${init} : ${rhs};`);
    return this;
  }

  instance(module: string, name: string, params: Readonly<Record<string, ParamValue>>, ports: Readonly<Record<string, Expr | undefined>>): this {
    checkIdentifier(module, 'module name');
    this.declare(name);
    const p = Object.entries(params).map(([k, v]) => `.${checkIdentifier(k, 'parameter')}(${paramText(v)})`);
    const c = Object.entries(ports).map(([k, v]) => `.${checkIdentifier(k, 'port')}(${v ?? ''})`);
    const head = p.length > 0 ? `  ${module} #(\n    ${p.join(',\n    ')}\n  ) ${name} (` : `  ${module} ${name} (`;
    this.body.push(`${head}\n    ${c.join(',\n    ')}\n  );`);
    return this;
  }

  /** Lines wrapped in `ifndef SYNTHESIS ... endif` (simulation-only probes). */
  simulationOnly(build: (m: VerilogModule) => void): this {
    this.body.push('`ifndef SYNTHESIS');
    build(this);
    this.body.push('`endif');
    return this;
  }

  text(): string {
    const head = this.comment.map((l) => `// ${l}`);
    const ports = this.ports.map((p) => `  ${p.dir} ${p.reg ? 'reg' : 'wire'} ${range(p.width)}${p.name}`);
    return [...head, `module ${this.name} (`, ports.join(',\n'), ');', ...this.body, 'endmodule', ''].join('\n');
  }
}

function range(width: number): string {
  return width === 1 ? '' : `[${width - 1}:0] `;
}
