// Linked into the fuzz targets that parse protobuf messages or JSON: protobuf's parse warnings
// on malformed input are expected there, not findings, and would flood the log.
#include <google/protobuf/stubs/logging.h>

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    google::protobuf::SetLogHandler(nullptr);
    return 0;
}
