// Element-wise activations of the dense path (docs/semantics.md#relu-linear): relu and linear, written into res_T.
#ifndef SP_ACTIVATION_H_
#define SP_ACTIVATION_H_

#include "sp_common.h"

namespace sp {

// CONFIG_T: n_in.

template <class data_T, class res_T, typename CONFIG_T>
void relu(const data_T in[CONFIG_T::n_in], res_T out[CONFIG_T::n_in]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    map_relu_or_copy<true, data_T, res_T, CONFIG_T::n_in>(in, out);
}

template <class data_T, class res_T, typename CONFIG_T>
void linear(const data_T in[CONFIG_T::n_in], res_T out[CONFIG_T::n_in]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    map_relu_or_copy<false, data_T, res_T, CONFIG_T::n_in>(in, out);
}

} // namespace sp

#endif
