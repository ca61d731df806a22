/**
 * The timing proxy: the most LUTs on any combinational path between registers (or ports) of a
 * flattened, technology-mapped Yosys netlist (write_json). Sequential primitives end paths
 * (flip-flops, shift registers, block/distributed RAM, and DSP48 slices, whose pipeline registers
 * the cores feed and use); carry chains and MUXF7/8 are traversed but add no LUT level.
 */
interface JsonCell {
  readonly type: string;
  readonly port_directions?: Record<string, 'input' | 'output' | 'inout'>;
  readonly connections: Record<string, readonly (number | string)[]>;
}

interface JsonModule {
  readonly cells: Record<string, JsonCell>;
}

interface JsonNetlist {
  readonly modules: Record<string, JsonModule>;
}

const SEQUENTIAL = /^(FD[RSCP]E(_1)?|LD[CP]E|SRL16E|SRLC16E|SRLC32E|RAMB\d+E\d|RAM\d+X1[SD]|RAM\d+M\d*|DSP48E\d|DSP48A1|URAM288)$/;
const LUT = /^LUT[1-6]$/;

/** Ports of the primitives that are outputs (Yosys' json omits directions for blackbox cells). */
const OUTPUT_PORTS = new Set(['O', 'O5', 'O6', 'Q', 'CO', 'CO0', 'CO1', 'CO2', 'CO3', 'Q31', 'DO', 'P', 'PCOUT', 'DOUT']);

function isOutput(cell: JsonCell, port: string): boolean {
  const d = cell.port_directions?.[port];
  if (d) return d === 'output';
  return OUTPUT_PORTS.has(port) || /^(DOA|DOB|DOUT|DO[A-D]|O[A-H]|CO)/.test(port);
}

export interface LutDepth {
  readonly levels: number;
  /** Cells on the deepest path (types), from its start to its end. */
  readonly path: readonly string[];
}

/** Longest LUT count on a register-to-register path of module `top` (flattened). */
export function lutDepth(netlist: JsonNetlist, top: string): LutDepth {
  const mod = netlist.modules[top] ?? Object.values(netlist.modules)[0];
  if (!mod) return { levels: 0, path: [] };
  const cells = Object.entries(mod.cells);
  const driver = new Map<number, number>();
  const inputs: number[][] = [];
  cells.forEach(([, c], i) => {
    const ins: number[] = [];
    for (const [port, bits] of Object.entries(c.connections)) {
      for (const b of bits) {
        if (typeof b !== 'number') continue;
        if (isOutput(c, port)) driver.set(b, i);
        else ins.push(b);
      }
    }
    inputs.push(ins);
  });
  const depth = new Int32Array(cells.length).fill(-1);
  const from = new Int32Array(cells.length).fill(-1);
  const seq = cells.map(([, c]) => SEQUENTIAL.test(c.type));
  const weight = cells.map(([, c]) => (LUT.test(c.type) ? 1 : 0));
  // iterative DFS: depth(c) = weight(c) + max depth of the combinational cells driving it
  const visiting = new Uint8Array(cells.length);
  const solve = (root: number): void => {
    const stack: number[] = [root];
    while (stack.length > 0) {
      const c = stack[stack.length - 1]!;
      if (depth[c]! >= 0) {
        stack.pop();
        continue;
      }
      let pending = false;
      visiting[c] = 1;
      for (const b of inputs[c]!) {
        const d = driver.get(b);
        if (d === undefined || seq[d] || depth[d]! >= 0 || visiting[d]) continue;
        stack.push(d);
        pending = true;
      }
      if (pending) continue;
      let best = 0;
      let arg = -1;
      for (const b of inputs[c]!) {
        const d = driver.get(b);
        if (d === undefined || seq[d]) continue;
        const v = depth[d]! < 0 ? 0 : depth[d]!;
        if (v > best) {
          best = v;
          arg = d;
        }
      }
      depth[c] = best + weight[c]!;
      from[c] = arg;
      visiting[c] = 0;
      stack.pop();
    }
  };
  let levels = 0;
  let end = -1;
  for (let i = 0; i < cells.length; i++) {
    // a path ends at a sequential cell's input (or a port): its depth is the deepest driver
    if (seq[i]) {
      for (const b of inputs[i]!) {
        const d = driver.get(b);
        if (d === undefined || seq[d]) continue;
        solve(d);
        if (depth[d]! > levels) {
          levels = depth[d]!;
          end = d;
        }
      }
    } else {
      solve(i);
      if (depth[i]! > levels) {
        levels = depth[i]!;
        end = i;
      }
    }
  }
  const path: string[] = [];
  for (let c = end; c >= 0 && path.length < 200; c = from[c]!) path.unshift(cells[c]![1].type);
  return { levels, path };
}
