// Clears the upper halves of the vector registers where C# enters a native layer that runs legacy-SSE code.
// Why: libmujoco (and most of Debian's C libraries) are built for baseline x86-64, so their floating point is
// legacy SSE. The .NET JIT writes 256-bit registers (zeroing a struct, an inlined string handler) and does not
// always issue vzeroupper before a P/Invoke (dotnet/runtime#82132). With the upper state dirty, every legacy-SSE
// instruction carries a false dependency on the old upper halves on CPUs that track it: MuJoCo ran at 0.45x of
// mujoco-testspeed on an AVX-512 AMD EPYC (issue 11). vzeroupper at the entry puts the state back to clean; it
// faults without AVX, so it is behind a CPU check made once when the library loads. About 1.3 ns per call
// (docs/performance.md). Each library that includes this gets its own copy of the flag and of the constructor.
#ifndef S2R_UPPER_STATE_H
#define S2R_UPPER_STATE_H
#include <stdint.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>

// Set once at load: the CPU has AVX and the OS saves the SSE and AVX state (XCR0 bits 1 and 2).
static int s2r_avx_usable;

static inline uint64_t s2r_xgetbv(uint32_t which) {
  uint32_t lo, hi;
  __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(which));
  return ((uint64_t)hi << 32) | lo;
}

__attribute__((constructor)) static void s2r_detect_avx(void) {
  unsigned a, b, c, d;
  // xgetbv itself is only there when the OS has enabled XSAVE (OSXSAVE).
  if (__get_cpuid(1, &a, &b, &c, &d) && (c & bit_OSXSAVE) && (c & bit_AVX) && (s2r_xgetbv(0) & 0x6) == 0x6) {
    s2r_avx_usable = 1;
  }
}

// No clobbers: vzeroupper keeps the low 128 bits, and code compiled for baseline x86-64 never holds values in
// the upper halves.
static inline void s2r_clean_upper(void) {
  if (s2r_avx_usable) {
    __asm__ volatile("vzeroupper");
  }
}
#else
static inline void s2r_clean_upper(void) {}
#endif

#endif
