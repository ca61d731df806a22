/**
 * The Verilog library (verilog/: sp_cast, sp_mul, sp_step, ...) and sp_cast's mode codes, for
 * other packages' Verilog blocks (`@sparsepixels/rtl/verilog-lib`; sparse-weights builds its weight
 * store and zero-skip MAC on sp_cast.v and sp_mac.v). Unlike the package's main entry, importing
 * it registers no backend.
 */
export { verilogLibDir } from './paths';
export { QUANT_CODE, OVERFLOW_CODE } from './fixed/raw-format';
