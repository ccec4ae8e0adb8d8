// Guarded entry points into MuJoCo. mju_error() must not return to its caller: MuJoCo's default handler waits on
// stdin and exits, and a handler that returns lets the engine continue on a broken state. C# cannot unwind native
// frames, so the handler lives here: each s2r_* call sets a thread-local jump point, and s2r_mj_on_error (installed
// as mju_user_error by the C# side) copies the message and longjmps back to it. The call then returns -1 and the
// message is read with s2r_mj_last_error() on the same thread. Only C code of MuJoCo's engine is guarded this way:
// the XML compiler (C++) installs its own thread-local handler and reports errors through its error buffer.
#include <setjmp.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <mujoco/mujoco.h>

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

// Runs `call` with a jump point set; nested guards restore the outer one.
#define S2R_GUARD(call)                  \
  jmp_buf here;                          \
  jmp_buf* volatile outer = s2r_jump;    \
  if (setjmp(here)) {                    \
    s2r_jump = outer;                    \
    return -1;                           \
  }                                      \
  s2r_message[0] = 0;                    \
  s2r_jump = &here;                      \
  call;                                  \
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
  mjrRect viewport = {0, 0, width, height};
  S2R_GUARD(mjr_setBuffer(mjFB_OFFSCREEN, con); mjv_updateScene(m, d, opt, NULL, cam, mjCAT_ALL, scn);
            mjr_render(viewport, scn, con); mjr_readPixels(rgb, NULL, viewport, con))
}

S2R_API int s2r_mj_save_model(const mjModel* m, const char* filename) { S2R_GUARD(mj_saveModel(m, filename, NULL, 0)) }
