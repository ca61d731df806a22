// Flatten of the standard baseline CNN: a channels-last (h, w, c) array already is its flattened
// vector; the values are written into res_T.
#ifndef SP_FLATTEN_H_
#define SP_FLATTEN_H_

#include "sp_common.h"

namespace sp {

// CONFIG_T: n_in.
template <class data_T, class res_T, typename CONFIG_T>
void flatten(const data_T in[CONFIG_T::n_in], res_T out[CONFIG_T::n_in]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    map_relu_or_copy<false, data_T, res_T, CONFIG_T::n_in>(in, out);
}

} // namespace sp

#endif
