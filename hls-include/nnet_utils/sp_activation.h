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
    for (unsigned k = 0; k < CONFIG_T::n_in; k++) {
        if (in[k] > 0) out[k] = in[k];
        else out[k] = 0;
    }
}

template <class data_T, class res_T, typename CONFIG_T>
void linear(const data_T in[CONFIG_T::n_in], res_T out[CONFIG_T::n_in]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    for (unsigned k = 0; k < CONFIG_T::n_in; k++) out[k] = in[k];
}

} // namespace sp

#endif
