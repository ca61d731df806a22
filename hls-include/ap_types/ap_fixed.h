// sparsepixels ap_types: ap_fixed<W, I, Q, O, N> / ap_ufixed<W, I, Q, O, N> for C simulation off
// the Xilinx tools (defaults AP_TRN, AP_WRAP, 0). Our own implementation, written from the
// behavioural specification docs/semantics.md#fixed-point; real Vivado/Vitis runs use the
// vendor headers.
#ifndef SP_AP_FIXED_H
#define SP_AP_FIXED_H

#include "ap_int.h"

#endif  // SP_AP_FIXED_H
