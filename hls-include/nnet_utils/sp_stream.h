// io_stream helpers (standard CNN only): each layer of an io_stream project is a DATAFLOW process
// that reads its input tensor from a stream (channels-last order), runs the same array kernel as
// io_parallel, and writes its output tensor to the next stream. Same kernels, same bits.
#ifndef SP_STREAM_H_
#define SP_STREAM_H_

#include "hls_stream.h"
#include "sp_common.h"

namespace sp {

template <unsigned N, class T> void read_stream(hls::stream<T> &in, T out[N]) {
    #pragma HLS INLINE
    for (unsigned i = 0; i < N; i++) {
        #pragma HLS PIPELINE II=1
        out[i] = in.read();
    }
}

template <unsigned N, class T> void write_stream(const T in[N], hls::stream<T> &out) {
    #pragma HLS INLINE
    for (unsigned i = 0; i < N; i++) {
        #pragma HLS PIPELINE II=1
        out.write(in[i]);
    }
}

} // namespace sp

#endif
