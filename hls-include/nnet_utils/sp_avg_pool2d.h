// AveragePooling2D of the standard baseline CNN: stride P, 'valid' (rows and columns beyond
// floor(H/P)*P are dropped). acc (accum_t) += x over the window (kh, kw ascending); out =
// res_T(acc * r * r) with r = floor(2^F/P)/2^F (F = CONFIG_T::recip_bits), the same exact constant
// as the sparse pooling.
#ifndef SP_AVG_POOL2D_H_
#define SP_AVG_POOL2D_H_

#include "sp_common.h"

namespace sp {

// CONFIG_T: in_height, in_width, n_chan, pool_size, recip_bits; accum_t.
template <class data_T, class res_T, typename CONFIG_T>
void avg_pool2d(const data_T in[CONFIG_T::in_height * CONFIG_T::in_width * CONFIG_T::n_chan],
                res_T out[(CONFIG_T::in_height / CONFIG_T::pool_size) * (CONFIG_T::in_width / CONFIG_T::pool_size) *
                          CONFIG_T::n_chan]) {
    #pragma HLS INLINE off
    const unsigned P = CONFIG_T::pool_size, C = CONFIG_T::n_chan, W = CONFIG_T::in_width;
    const unsigned OH = CONFIG_T::in_height / P, OW = CONFIG_T::in_width / P;
    const ap_ufixed<CONFIG_T::recip_bits + 1, 1> r = pool_reciprocal<CONFIG_T::recip_bits, CONFIG_T::pool_size>();
    for (unsigned o = 0; o < OH * OW; o++) {
        #pragma HLS PIPELINE
        const unsigned y = o / OW, x = o % OW;
        for (unsigned c = 0; c < C; c++) {
            typename CONFIG_T::accum_t acc = 0;
            for (unsigned kh = 0; kh < P; kh++) {
                for (unsigned kw = 0; kw < P; kw++) acc += in[((y * P + kh) * W + (x * P + kw)) * C + c];
            }
            out[o * C + c] = res_T(acc * r * r);
        }
    }
}

} // namespace sp

#endif
