// hls::stream for C simulation with g++ (our ap_types; the HLS tools use their own hls_stream.h).
// A FIFO of unbounded depth: write() appends, read() takes the oldest value; reading an empty
// stream is a test-bench error and aborts with the stream's name.
#ifndef SP_CSIM_HLS_STREAM_H_
#define SP_CSIM_HLS_STREAM_H_

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <string>

namespace hls {

template <class T> class stream {
  public:
    stream() : name_("stream") {}
    explicit stream(const char *name) : name_(name) {}
    stream(const stream &) = delete;
    stream &operator=(const stream &) = delete;

    void write(const T &v) { queue_.push_back(v); }
    T read() {
        if (queue_.empty()) {
            std::fprintf(stderr, "hls::stream '%s': read from an empty stream\n", name_.c_str());
            std::abort();
        }
        T v = queue_.front();
        queue_.pop_front();
        return v;
    }
    void read(T &v) { v = read(); }
    void operator<<(const T &v) { write(v); }
    void operator>>(T &v) { v = read(); }
    bool empty() const { return queue_.empty(); }
    bool full() const { return false; }
    std::size_t size() const { return queue_.size(); }

  private:
    std::string name_;
    std::deque<T> queue_;
};

} // namespace hls

#endif
