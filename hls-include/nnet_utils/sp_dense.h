// Dense, latency strategy (SPEC 4.6): Keras kernel layout (n_in x n_out).
//   acc = bias[j]; for i ascending: acc += x[i] * w[i][j]  (accum_t);  out[j] = res_T(acc).
#ifndef SP_DENSE_H_
#define SP_DENSE_H_

#include "sp_common.h"

namespace sp {

// CONFIG_T: n_in, n_out; accum_t, weight_t, bias_t.

template <class data_T, class res_T, typename CONFIG_T>
void dense(const data_T in[CONFIG_T::n_in], res_T out[CONFIG_T::n_out],
           const typename CONFIG_T::weight_t weights[CONFIG_T::n_in * CONFIG_T::n_out],
           const typename CONFIG_T::bias_t biases[CONFIG_T::n_out]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    for (unsigned j = 0; j < CONFIG_T::n_out; j++) {
        typename CONFIG_T::accum_t acc = biases[j];
        for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
            acc += in[i] * weights[i * CONFIG_T::n_out + j];
        }
        out[j] = acc;
    }
}

} // namespace sp

#endif
