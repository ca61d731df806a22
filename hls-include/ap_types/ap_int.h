// sparsepixels ap_types: ap_int<W> / ap_uint<W> for C simulation off the Xilinx tools.
// Our own implementation of the subset HLS neural-network code uses, written from the behavioural
// specification docs/semantics.md#fixed-point; real Vivado/Vitis runs use the vendor headers.
// Including it also provides ap_fixed / ap_ufixed (the two families convert into each other).
#ifndef SP_AP_INT_H
#define SP_AP_INT_H

#include "ap_common.h"
#include "ap_convert.h"
#include "ap_operand.h"
#include "ap_ref.h"
#include "ap_int_base.h"
#include "ap_fixed_base.h"
#include "ap_fixed_ops.h"
#include "ap_int_ops.h"
#include "ap_compare.h"
#include "ap_shift.h"
#include "ap_print.h"

#endif  // SP_AP_INT_H
