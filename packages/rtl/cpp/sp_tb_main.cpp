// Verilator test bench of an emitted RTL project (packages/rtl/README.md, "Verification"):
//   V<project> [tb_data/tb_input_features.dat] [tb_data/csim_results.log] [trace.log]
// reads one event per line (H*W*C values), converts each value into the input type exactly as
// ap_fixed does, feeds the events back to back (whenever in_ready), writes every output value
// as an exact decimal (one event per line, like the HLS projects), and with a third argument the
// trace of every layer's output (and slot hashes) as the probes see them. The last line on
// stdout reports the measured cycles: latency from accept to out_valid and the accept interval.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#include "tb_config.h"

namespace {

std::vector<std::vector<int64_t>> read_events(const char* path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "error: cannot read %s\n", path);
    std::exit(2);
  }
  std::vector<std::vector<int64_t>> events;
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::istringstream s(line);
    std::vector<int64_t> ev;
    double v;
    while (s >> v) ev.push_back(sp::from_double(v, tb::INPUT_TYPE));
    if (static_cast<int>(ev.size()) != tb::INPUT_SIZE) {
      std::fprintf(stderr, "error: %s:%d has %zu values, expected %d\n", path, lineno, ev.size(), tb::INPUT_SIZE);
      std::exit(2);
    }
    events.push_back(ev);
  }
  return events;
}

}  // namespace

int main(int argc, char** argv) {
  const char* input = argc > 1 ? argv[1] : "tb_data/tb_input_features.dat";
  const char* output = argc > 2 ? argv[2] : "tb_data/csim_results.log";
  const char* trace_path = argc > 3 ? argv[3] : nullptr;
  const auto events = read_events(input);
  const int count = static_cast<int>(events.size());

  VerilatedContext ctx;
  ctx.commandArgs(1, argv);
  tb::Top top{&ctx};
  FILE* out = std::fopen(output, "w");
  FILE* trace = trace_path ? std::fopen(trace_path, "w") : nullptr;
  if (!out || (trace_path && !trace)) {
    std::fprintf(stderr, "error: cannot write %s\n", out ? trace_path : output);
    return 2;
  }

  // reset
  top.rst = 1;
  top.in_valid = 0;
  for (int k = 0; k < 4; ++k) {
    top.clk = 0;
    top.eval();
    top.clk = 1;
    top.eval();
  }
  top.rst = 0;

  std::vector<long> accepted, emitted;
  std::vector<long> first_start(tb::PROBE_COUNT, -1), first_done(tb::PROBE_COUNT, -1);
  std::vector<int> probe_event(tb::PROBE_COUNT, 0);
  std::vector<std::vector<long>> probe_due(tb::PROBE_COUNT);
  int next = -1;  // event currently offered
  long cycle = 0;
  const long limit = static_cast<long>(count + 4) * (tb::II + 4) + tb::LATENCY * 4 + 1000;
  while (static_cast<int>(emitted.size()) < count && cycle < limit) {
    top.clk = 0;
    top.eval();
    const int want = static_cast<int>(accepted.size());
    if (want < count && next != want) {
      sp::clear_all(top.x);
      for (int i = 0; i < tb::INPUT_SIZE; ++i) sp::set_bits(top.x, i * tb::INPUT_TYPE.w, tb::INPUT_TYPE.w, static_cast<uint64_t>(events[want][i]));
      next = want;
    }
    top.in_valid = want < count ? 1 : 0;
    top.eval();
    // everything is sampled in cycle `cycle` before its closing clock edge: an event accepted in
    // cycle n and shown by out_valid in cycle m took m - n cycles
    if (top.in_valid && top.in_ready) accepted.push_back(cycle);
    if (top.out_valid) {
      emitted.push_back(cycle);
      tb::write_outputs(top, out);
    }
    // the first event's start and done pulse of every layer (cycles after its accept)
    for (int k = 0; k < tb::PROBE_COUNT; ++k) {
      if (first_start[k] < 0 && !accepted.empty() && tb::probe_start(top, k)) first_start[k] = cycle;
      if (first_done[k] < 0 && first_start[k] >= 0 && tb::probe_done(top, k)) first_done[k] = cycle;
    }
    if (trace) {
      for (int k = 0; k < tb::PROBE_COUNT; ++k) {
        if (tb::probe_done(top, k)) probe_due[k].push_back(cycle + tb::PROBES[k].sample_delay);
        while (!probe_due[k].empty() && probe_due[k].front() == cycle) {
          probe_due[k].erase(probe_due[k].begin());
          tb::write_probe(top, k, probe_event[k]++, trace);
        }
      }
    }
    top.clk = 1;
    top.eval();
    ++cycle;
  }
  std::fclose(out);
  if (trace) std::fclose(trace);
  top.final();
  if (static_cast<int>(emitted.size()) < count) {
    std::fprintf(stderr, "error: %zu of %d events came out after %ld cycles\n", emitted.size(), count, cycle);
    return 1;
  }
  long lat_min = 1L << 40, lat_max = 0, ii_min = 1L << 40, ii_max = 0;
  for (int e = 0; e < count; ++e) {
    const long lat = emitted[e] - accepted[e];
    lat_min = lat < lat_min ? lat : lat_min;
    lat_max = lat > lat_max ? lat : lat_max;
    if (e > 0) {
      const long d = accepted[e] - accepted[e - 1];
      ii_min = d < ii_min ? d : ii_min;
      ii_max = d > ii_max ? d : ii_max;
    }
  }
  if (count < 2) ii_min = ii_max = 0;
  for (int k = 0; k < tb::PROBE_COUNT; ++k)
    std::printf("sp_rtl_layer %d start=%ld done=%ld\n", k, first_start[k] - accepted[0], first_done[k] - accepted[0]);
  std::printf("sp_rtl_sim events=%d cycles=%ld latency_min=%ld latency_max=%ld ii_min=%ld ii_max=%ld\n", count, cycle, lat_min,
              lat_max, ii_min, ii_max);
  return 0;
}
