using System.Runtime.InteropServices;

namespace Sim2Real.Sim.Interop;

/// <summary>
/// The project's guarded MuJoCo calls (src/native/mujoco/s2r_mujoco.c). Each returns 0, or -1 when MuJoCo raised
/// mju_error; the message is then read on the same thread with <see cref="s2r_mj_last_error"/>.
/// </summary>
internal static unsafe partial class MjGuardNative
{
    private const string Lib = "s2r_mujoco";

    [LibraryImport(Lib)]
    internal static partial byte* s2r_mj_last_error();

    [LibraryImport(Lib)]
    internal static partial int s2r_mj_make_data(IntPtr model, out IntPtr data);

    [LibraryImport(Lib)]
    internal static partial int s2r_mj_copy_model(IntPtr model, out IntPtr copy);

    [LibraryImport(Lib)]
    internal static partial int s2r_mj_copy_data(IntPtr model, IntPtr source, IntPtr destination);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int s2r_mj_load_model(string filename, out IntPtr model);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int s2r_mj_save_model(IntPtr model, string filename);

    [LibraryImport(Lib)]
    internal static partial int s2r_mj_step(IntPtr model, IntPtr data);

    [LibraryImport(Lib)]
    internal static partial int s2r_mj_step_n(IntPtr model, IntPtr data, int steps);

    [LibraryImport(Lib)]
    internal static partial int s2r_mj_forward(IntPtr model, IntPtr data);

    [LibraryImport(Lib)]
    internal static partial int s2r_mj_reset_data(IntPtr model, IntPtr data);

    [LibraryImport(Lib)]
    internal static partial int s2r_mj_reset_data_keyframe(IntPtr model, IntPtr data, int key);

    [LibraryImport(Lib)]
    internal static partial int s2r_mj_set_const(IntPtr model, IntPtr data);

    [LibraryImport(Lib)]
    internal static partial int s2r_mjv_make_scene(IntPtr model, void* scene, int maxgeom);

    [LibraryImport(Lib)]
    internal static partial int s2r_mjr_make_context(IntPtr model, void* context, int fontscale);

    [LibraryImport(Lib)]
    internal static partial int s2r_mj_render_rgb(IntPtr model, IntPtr data, void* option, void* camera, void* scene,
        void* context, int width, int height, byte* rgb);

    /// <summary>
    /// For tests only: leaves the AVX upper state dirty, then reads XINUSE (xgetbv ECX=1) before and inside a guarded
    /// call. Returns 0 with both readings, 1 when this CPU cannot run the probe, -1 when the guarded call failed.
    /// </summary>
    [LibraryImport(Lib)]
    internal static partial int s2r_mj_test_upper_state(out ulong before, out ulong inside);
}
