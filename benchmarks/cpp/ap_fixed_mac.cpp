// MAC throughput of our ap_fixed (hls-include/ap_types) against plain int64_t, in one run:
// acc += w[i] * x[i] over arrays, the inner loop of every dense/conv kernel in C simulation.
// Usage: ap_fixed_mac [n] [reps]; prints one line per variant with multiply-accumulates per second.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "ap_fixed.h"
#include "sp_exact_io.h"

namespace {

uint64_t next_random(uint64_t& s) {
  s ^= s << 13;
  s ^= s >> 7;
  s ^= s << 17;
  return s;
}

// Arrays of random raw patterns, so every variant sees the same kind of data.
template <class T>
std::vector<T> random_values(size_t n, uint64_t seed) {
  std::vector<T> v(n);
  for (size_t i = 0; i < n; ++i) sp::set_raw_bits(v[i], next_random(seed));
  return v;
}

template <class W, class X, class Acc>
Acc mac(const std::vector<W>& w, const std::vector<X>& x, int reps) {
  Acc acc = 0;
  for (int r = 0; r < reps; ++r)
    for (size_t i = 0; i < w.size(); ++i) acc += w[i] * x[i];
  return acc;
}

template <class W, class X, class Acc>
void bench(const char* name, size_t n, int reps) {
  const std::vector<W> w = random_values<W>(n, 0x9e3779b97f4a7c15ull);
  const std::vector<X> x = random_values<X>(n, 0xd1b54a32d192ed03ull);
  const auto t0 = std::chrono::steady_clock::now();
  const Acc acc = mac<W, X, Acc>(w, x, reps);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%-58s %8.1f M MAC/s  (%.3f s, result raw %s)\n", name, double(n) * reps / s / 1e6, s,
              sp::to_hex(acc).c_str());
}

void bench_int64(size_t n, int reps) {
  std::vector<int64_t> w(n), x(n);
  uint64_t s1 = 0x9e3779b97f4a7c15ull, s2 = 0xd1b54a32d192ed03ull;
  for (size_t i = 0; i < n; ++i) {
    w[i] = int64_t(next_random(s1) >> 48) - 32768;
    x[i] = int64_t(next_random(s2) >> 48) - 32768;
  }
  const auto t0 = std::chrono::steady_clock::now();
  int64_t acc = 0;
  for (int r = 0; r < reps; ++r)
    for (size_t i = 0; i < n; ++i) acc += w[i] * x[i];
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%-58s %8.1f M MAC/s  (%.3f s, result %lld)\n", "int64_t acc += w * x (plain C, reference)",
              double(n) * reps / s / 1e6, s, (long long)acc);
}

}  // namespace

int main(int argc, char** argv) {
  const size_t n = argc > 1 ? size_t(std::atol(argv[1])) : 4096;
  const int reps = argc > 2 ? std::atoi(argv[2]) : 20000;
  std::printf("n = %zu, reps = %d (%.1f M MACs per variant)\n", n, reps, double(n) * reps / 1e6);
  bench_int64(n, reps);
  bench<ap_fixed<8, 3>, ap_ufixed<8, 4>, ap_fixed<16, 6> >("8-bit:  ap_fixed<8,3> * ap_ufixed<8,4> -> ap_fixed<16,6>", n, reps);
  bench<ap_fixed<16, 6>, ap_fixed<16, 6>, ap_fixed<32, 12> >("16-bit: ap_fixed<16,6>^2 -> ap_fixed<32,12>", n, reps);
  bench<ap_fixed<16, 6>, ap_fixed<16, 6>, ap_fixed<24, 10, AP_RND_CONV, AP_SAT> >(
      "16-bit: ap_fixed<16,6>^2 -> ap_fixed<24,10,RND_CONV,SAT>", n, reps);
  bench<ap_fixed<40, 12>, ap_fixed<40, 12>, ap_fixed<40, 12> >("40-bit: ap_fixed<40,12>^2 (80-bit product) -> same", n, reps);
  bench<ap_fixed<40, 12>, ap_fixed<40, 12>, ap_fixed<48, 16, AP_RND, AP_SAT> >(
      "40-bit: ap_fixed<40,12>^2 -> ap_fixed<48,16,RND,SAT>", n, reps);
  return 0;
}
