#ifndef WIRETRACE_CLIBFUZZER_H
#define WIRETRACE_CLIBFUZZER_H
#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver for programs with their own main (LLVM 13+), linked by -sanitize=fuzzer.
// SwiftPM gives every executable target a main of its own, so the targets call this instead of
// relying on libFuzzer's main.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
#endif
