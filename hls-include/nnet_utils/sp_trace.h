// Layer trace for C simulation (not synthesized): when the test bench sets a trace stream, the top
// function writes every layer's output for every event as lines
//   <event> <layer> <kind> <exact values...>
// (kind "out" for features/values, "hash" for the slot coordinates of sparse layers).
#ifndef SP_TRACE_H_
#define SP_TRACE_H_

#include <ostream>

#include "sp_tb_io.h"

namespace sp {

inline std::ostream *&trace_stream() {
    static std::ostream *stream = 0;
    return stream;
}

inline unsigned &trace_event_index() {
    static unsigned event = 0;
    return event;
}

inline void set_trace_stream(std::ostream *os) { trace_stream() = os; }

inline void trace_event(unsigned event) { trace_event_index() = event; }

template <int W, int F, bool S, class T> void trace(const char *layer, const char *kind, const T *x, unsigned n) {
    std::ostream *os = trace_stream();
    if (!os) return;
    *os << trace_event_index() << ' ' << layer << ' ' << kind;
    write_values<W, F, S>(*os, x, n, false);
    *os << '\n';
}

} // namespace sp

#endif
