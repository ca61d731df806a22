// Conv2D of the standard (dense) baseline CNN: 'same' zero padding, stride 1, odd K, channels-last.
// For each output pixel and filter: acc = bias; acc += w[kh][kw][c][f] * x over the taps kh, kw
// ascending and channels ascending (padding taps contribute nothing); out = res_T(acc).
// Weights in Keras layout (kh, kw, cin, cout). One output pixel per pipelined iteration.
#ifndef SP_CONV2D_H_
#define SP_CONV2D_H_

#include "sp_common.h"

namespace sp {

// CONFIG_T: height, width, n_chan, n_filt, kernel_size; accum_t, weight_t, bias_t.
template <class data_T, class res_T, typename CONFIG_T>
void conv2d_same(const data_T in[CONFIG_T::height * CONFIG_T::width * CONFIG_T::n_chan],
                 res_T out[CONFIG_T::height * CONFIG_T::width * CONFIG_T::n_filt],
                 const typename CONFIG_T::weight_t weights[CONFIG_T::kernel_size * CONFIG_T::kernel_size *
                                                           CONFIG_T::n_chan * CONFIG_T::n_filt],
                 const typename CONFIG_T::bias_t biases[CONFIG_T::n_filt]) {
    #pragma HLS INLINE off
    const int H = CONFIG_T::height, W = CONFIG_T::width, K = CONFIG_T::kernel_size, R = (K - 1) / 2;
    const unsigned C = CONFIG_T::n_chan, F = CONFIG_T::n_filt;
    for (int p = 0; p < H * W; p++) {
        #pragma HLS PIPELINE
        const int y = p / W, x = p % W;
        for (unsigned f = 0; f < F; f++) {
            typename CONFIG_T::accum_t acc = biases[f];
            for (int kh = 0; kh < K; kh++) {
                for (int kw = 0; kw < K; kw++) {
                    const int iy = y + kh - R, ix = x + kw - R;
                    if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
                    for (unsigned c = 0; c < C; c++) {
                        acc += weights[((kh * K + kw) * C + c) * F + f] * in[(iy * W + ix) * C + c];
                    }
                }
            }
            out[p * F + f] = acc;
        }
    }
}

} // namespace sp

#endif
