// renshe-fpsim: synthetic fingers from the command line (drivers/fprint/synthetic.hpp).
//   renshe-fpsim pgm SEED [DX DY [WIDTH HEIGHT]]   writes the finger as a PGM to stdout
//   renshe-fpsim feed SOCKET SEED [ATTEMPT]       puts it on a virtual_image sensor once
// `feed` connects anew, which makes virtual_image drop any other client, and sends at once:
// use it only while the device waits for a finger. Programs that hold the device themselves
// (the demo, the tests) use synthetic::VirtualImageFeeder and the finger-status events.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <stdexcept>
#include <string>

#include "drivers/fprint/synthetic.hpp"

namespace synthetic = renshe::drivers::fprint::synthetic;

namespace {

int usage() {
    std::fprintf(stderr,
                 "usage: renshe-fpsim pgm SEED [DX DY [WIDTH HEIGHT]] > finger.pgm\n"
                 "       renshe-fpsim feed SOCKET SEED [ATTEMPT]\n");
    return 2;
}

long number(const char* text) {
    char* end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (end == text || *end != '\0') {
        throw std::invalid_argument(std::string("not a number: ") + text);
    }
    return value;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const std::string command = argc > 1 ? argv[1] : "";
        if (command == "pgm" && (argc == 3 || argc == 5 || argc == 7)) {
            const auto seed = static_cast<std::uint64_t>(number(argv[2]));
            const int dx = argc >= 5 ? static_cast<int>(number(argv[3])) : 0;
            const int dy = argc >= 5 ? static_cast<int>(number(argv[4])) : 0;
            const int width =
                argc == 7 ? static_cast<int>(number(argv[5])) : synthetic::kDefaultWidth;
            const int height =
                argc == 7 ? static_cast<int>(number(argv[6])) : synthetic::kDefaultHeight;
            const auto image = synthetic::image(seed, dx, dy, width, height);
            std::printf("P5\n%d %d\n255\n", image.width, image.height);
            std::fwrite(image.pixels.data(), 1, image.pixels.size(), stdout);
            return std::fflush(stdout) == 0 ? 0 : 1;
        }
        if (command == "feed" && (argc == 4 || argc == 5)) {
            const auto seed = static_cast<std::uint64_t>(number(argv[3]));
            const int attempt = argc == 5 ? static_cast<int>(number(argv[4])) : 0;
            synthetic::VirtualImageFeeder feeder(argv[2]);
            feeder.send(synthetic::presentation(seed, attempt));
            return 0;
        }
        return usage();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "renshe-fpsim: %s\n", e.what());
        return 1;
    }
}
