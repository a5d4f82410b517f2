// What every benchmark needs: milliseconds of a duration, a percentile of samples, and the
// way out when a run cannot be measured (exit 2, "bench invalid: ...").
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace renshe::bench {

inline double ms(std::chrono::steady_clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

// The p-th (0..1) of `v` by nearest rank below.
inline double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

[[noreturn]] inline void fail(const std::string& why) {
    std::fprintf(stderr, "bench invalid: %s\n", why.c_str());
    std::exit(2);
}

}  // namespace renshe::bench
