// Guarded entry points into MuJoCo. mju_error() must not return to its caller: MuJoCo's default handler waits on
// stdin and exits, and a handler that returns lets the engine continue on a broken state. C# cannot unwind native
// frames, so the handler lives here: each s2r_* call sets a thread-local jump point, and s2r_mj_on_error (installed
// as mju_user_error by the C# side) copies the message and longjmps back to it. The call then returns -1 and the
// message is read with s2r_mj_last_error() on the same thread. Only C code of MuJoCo's engine is guarded this way:
// the XML compiler (C++) installs its own thread-local handler and reports errors through its error buffer.
// Every guarded call first clears the upper vector state the caller may have left dirty (../s2r_upper_state.h):
// libmujoco 2.2.2 is legacy SSE and runs at about half speed otherwise on CPUs that track that state.
#include <setjmp.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <mujoco/mujoco.h>

#include "../s2r_upper_state.h"

#define S2R_API __attribute__((visibility("default")))

static _Thread_local jmp_buf* s2r_jump;
static _Thread_local char s2r_message[1024];

S2R_API void s2r_mj_on_error(const char* msg) {
  snprintf(s2r_message, sizeof(s2r_message), "%s", msg ? msg : "(no message)");
  if (s2r_jump) {
    longjmp(*s2r_jump, 1);
  }
  // Outside a guarded call there is no frame to return to; continuing would run on a broken state.
  fprintf(stderr, "MuJoCo error outside a guarded call (aborting): %s\n", s2r_message);
  fflush(stderr);
  abort();
}

S2R_API const char* s2r_mj_last_error(void) { return s2r_message; }

// Runs the statements with a jump point set; nested guards restore the outer one. Variadic so that the statements
// may hold commas (initializers). The vzeroupper comes first, before anything of ours or MuJoCo's runs.
#define S2R_GUARD(...)                   \
  s2r_clean_upper();                     \
  jmp_buf here;                          \
  jmp_buf* volatile outer = s2r_jump;    \
  if (setjmp(here)) {                    \
    s2r_jump = outer;                    \
    return -1;                           \
  }                                      \
  s2r_message[0] = 0;                    \
  s2r_jump = &here;                      \
  __VA_ARGS__;                           \
  s2r_jump = outer;                      \
  return 0;

S2R_API int s2r_mj_make_data(const mjModel* m, mjData** out) { S2R_GUARD(*out = mj_makeData(m)) }

S2R_API int s2r_mj_copy_model(const mjModel* m, mjModel** out) { S2R_GUARD(*out = mj_copyModel(NULL, m)) }

S2R_API int s2r_mj_copy_data(const mjModel* m, const mjData* src, mjData* dest) {
  S2R_GUARD(mj_copyData(dest, m, src))
}

S2R_API int s2r_mj_load_model(const char* filename, mjModel** out) {
  S2R_GUARD(*out = mj_loadModel(filename, NULL))
}

S2R_API int s2r_mj_step(const mjModel* m, mjData* d) { S2R_GUARD(mj_step(m, d)) }

S2R_API int s2r_mj_step_n(const mjModel* m, mjData* d, int n) {
  S2R_GUARD(for (int i = 0; i < n; i++) mj_step(m, d))
}

S2R_API int s2r_mj_forward(const mjModel* m, mjData* d) { S2R_GUARD(mj_forward(m, d)) }

S2R_API int s2r_mj_reset_data(const mjModel* m, mjData* d) { S2R_GUARD(mj_resetData(m, d)) }

S2R_API int s2r_mj_reset_data_keyframe(const mjModel* m, mjData* d, int key) {
  S2R_GUARD(mj_resetDataKeyframe(m, d, key))
}

S2R_API int s2r_mj_set_const(mjModel* m, mjData* d) { S2R_GUARD(mj_setConst(m, d)) }

S2R_API int s2r_mjv_make_scene(const mjModel* m, mjvScene* scn, int maxgeom) {
  S2R_GUARD(mjv_makeScene(m, scn, maxgeom))
}

S2R_API int s2r_mjr_make_context(const mjModel* m, mjrContext* con, int fontscale) {
  S2R_GUARD(mjr_makeContext(m, con, fontscale))
}

// One frame: scene update, render into the offscreen buffer, read back RGB (rows bottom-up, as OpenGL reads).
S2R_API int s2r_mj_render_rgb(const mjModel* m, mjData* d, const mjvOption* opt, mjvCamera* cam, mjvScene* scn,
                              mjrContext* con, int width, int height, unsigned char* rgb) {
  S2R_GUARD(mjrRect viewport = {0, 0, width, height}; mjr_setBuffer(mjFB_OFFSCREEN, con);
            mjv_updateScene(m, d, opt, NULL, cam, mjCAT_ALL, scn); mjr_render(viewport, scn, con);
            mjr_readPixels(rgb, NULL, viewport, con))
}

S2R_API int s2r_mj_save_model(const mjModel* m, const char* filename) { S2R_GUARD(mj_saveModel(m, filename, NULL, 0)) }

// ---------------------------------------------------------------- for tests only

#if defined(__x86_64__) || defined(__i386__)
// xgetbv with ECX=1 reads XINUSE: which state components are not in their initial (all-zero) configuration.
// It exists where CPUID.(EAX=0DH,ECX=1):EAX bit 2 is set.
static int s2r_xinuse_readable(void) {
  unsigned a, b, c, d;
  if (!s2r_avx_usable || __get_cpuid_max(0, NULL) < 0xD) {
    return 0;
  }
  __cpuid_count(0xD, 1, a, b, c, d);
  return (a & 0x4) != 0;
}

// A guarded call like the others whose body reads the upper state MuJoCo would start with.
__attribute__((noinline)) static int s2r_mj_probe_guarded(uint64_t* inside) { S2R_GUARD(*inside = s2r_xgetbv(1)) }
#endif

// Test only: leaves the upper halves of ymm0 dirty (all ones, as managed code may leave them), reads XINUSE, then
// enters a guarded call that reads XINUSE again. Returns 0 with both readings, 1 when the CPU cannot run the probe
// (no AVX, no xgetbv with ECX=1, or not x86), -1 when the guarded call failed. A guard that lost its vzeroupper
// shows XINUSE bit 2 (upper halves of ymm0-15) in *inside.
S2R_API int s2r_mj_test_upper_state(uint64_t* before, uint64_t* inside) {
#if defined(__x86_64__) || defined(__i386__)
  if (!s2r_xinuse_readable()) {
    return 1;
  }
  // Compare-with-TRUE predicate: all ones whatever ymm0 held; AVX (not AVX2), like anything the JIT may write.
  __asm__ volatile("vcmpps $15, %%ymm0, %%ymm0, %%ymm0" ::: "xmm0");
  *before = s2r_xgetbv(1);
  // Through a volatile pointer so the compiler cannot inline the guard into this frame.
  int (*volatile probe)(uint64_t*) = s2r_mj_probe_guarded;
  return probe(inside) == 0 ? 0 : -1;
#else
  (void)before;
  (void)inside;
  return 1;
#endif
}
