// Conv2D of the standard (dense) baseline CNN: 'same' zero padding, stride 1, odd K, channels-last.
// For each output pixel and filter: acc = bias; acc += w[kh][kw][c][f] * x over the taps kh, kw
// ascending and channels ascending (padding taps contribute nothing); out = res_T(acc).
// Zero weights cost nothing: the emitter passes only the n_nz non-zero weights with their Keras
// flat indices ((kh * K + kw) * C + c) * F + f, ascending, so for every filter the terms come in
// the normative order and there is no product for a zero weight. One output pixel per pipelined
// iteration.
#ifndef SP_CONV2D_H_
#define SP_CONV2D_H_

#include "sp_common.h"

namespace sp {

// CONFIG_T: height, width, n_chan, n_filt, kernel_size, n_nz; accum_t, weight_t, bias_t, index_t.
template <class data_T, class res_T, typename CONFIG_T>
void conv2d_same(const data_T in[CONFIG_T::height * CONFIG_T::width * CONFIG_T::n_chan],
                 res_T out[CONFIG_T::height * CONFIG_T::width * CONFIG_T::n_filt],
                 const typename CONFIG_T::weight_t weights[table_size<CONFIG_T::n_nz>::value],
                 const typename CONFIG_T::index_t index[table_size<CONFIG_T::n_nz>::value],
                 const typename CONFIG_T::bias_t biases[CONFIG_T::n_filt]) {
    #pragma HLS INLINE off
    const int H = CONFIG_T::height, W = CONFIG_T::width, K = CONFIG_T::kernel_size, R = (K - 1) / 2;
    const unsigned C = CONFIG_T::n_chan, F = CONFIG_T::n_filt;
    for (int p = 0; p < H * W; p++) {
        #pragma HLS PIPELINE
        const int y = p / W, x = p % W;
        typename CONFIG_T::accum_t acc[CONFIG_T::n_filt];
        #pragma HLS ARRAY_PARTITION variable=acc complete dim=0
        for (unsigned f = 0; f < F; f++) acc[f] = biases[f];
        for (unsigned k = 0; k < CONFIG_T::n_nz; k++) {
            const unsigned flat = index[k].to_uint();
            const unsigned f = flat % F, c = (flat / F) % C;
            const int tap = int(flat / (F * C)), kh = tap / K, kw = tap % K;
            const int iy = y + kh - R, ix = x + kw - R;
            if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
            acc[f] += weights[k] * in[(iy * W + ix) * C + c];
        }
        for (unsigned f = 0; f < F; f++) out[p * F + f] = acc[f];
    }
}

} // namespace sp

#endif
