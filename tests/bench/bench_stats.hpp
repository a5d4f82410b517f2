// What every benchmark needs: milliseconds of a duration, a percentile of samples, a
// process's CPU time, and the way out when a run cannot be measured (exit 2, "bench
// invalid: ...").
#pragma once

#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
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

// CPU seconds (user + system) `pid` has used so far, 0 = this process; -1 when it cannot be
// read. Per-call CPU is what bounds a throughput on two shared cores.
inline double cpuSeconds(pid_t pid = 0) {
    std::ifstream in(pid == 0 ? std::string("/proc/self/stat")
                              : "/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto paren = stat.rfind(')');
    if (paren == std::string::npos)
        return -1;
    std::istringstream fields(stat.substr(paren + 2));  // from field 3 (state) on
    std::string f;
    long long ticks = 0;
    for (int field = 3; field <= 15 && fields >> f; ++field) {
        if (field >= 14)  // utime, stime
            ticks += std::stoll(f);
    }
    return static_cast<double>(ticks) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

[[noreturn]] inline void fail(const std::string& why) {
    std::fprintf(stderr, "bench invalid: %s\n", why.c_str());
    std::exit(2);
}

}  // namespace renshe::bench
