// What the fuzz targets' invariants share: a broken one prints what broke and aborts, which
// libFuzzer reports as a finding and keeps the input for.
#pragma once

#include <cstdio>
#include <cstdlib>

namespace renshe::fuzz {

inline void require(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

}  // namespace renshe::fuzz
