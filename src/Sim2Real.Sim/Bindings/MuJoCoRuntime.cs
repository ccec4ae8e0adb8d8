using System.Runtime.InteropServices;
using Sim2Real.Native;
using Sim2Real.Sim.Interop;

namespace Sim2Real.Sim.Bindings;

/// <summary>
/// One-time start-up: checks that libmujoco is the version the layout was generated from, and replaces MuJoCo's
/// error and warning handlers. The default error handler prints "Press Enter to exit", waits on stdin and exits;
/// ours (s2r_mj_on_error in the guard library) jumps back to the guarded call, which becomes a
/// <see cref="MuJoCoException"/>. Warnings go to <see cref="MjWarningLog"/> instead of MUJOCO_LOG.TXT.
/// </summary>
public static unsafe class MuJoCoRuntime
{
    private static readonly Lazy<bool> Started = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Runs the start-up once; throws <see cref="MuJoCoVersionMismatchException"/> on a version mismatch.</summary>
    public static void EnsureStarted() => _ = Started.Value;

    private static bool Start()
    {
        var mujoco = NativeLoader.Load(NativeLibraries.MuJoCo);
        var guard = NativeLoader.Load(NativeLibraries.MuJoCoGuard);
        var version = MjNative.mj_version();
        if (version != MjLayout.HeaderVersion)
        {
            throw new MuJoCoVersionMismatchException(version, MjLayout.HeaderVersion, NativeLoader.LoadedPath(NativeLibraries.MuJoCo));
        }

        // mju_user_error and mju_user_warning are exported function-pointer variables: write our handlers into them.
        *(IntPtr*)NativeLibrary.GetExport(mujoco, "mju_user_error") = NativeLibrary.GetExport(guard, "s2r_mj_on_error");
        *(IntPtr*)NativeLibrary.GetExport(mujoco, "mju_user_warning") = (IntPtr)(delegate* unmanaged<byte*, void>)&OnWarning;
        return true;
    }

    [UnmanagedCallersOnly]
    private static void OnWarning(byte* message)
    {
        // Nothing may escape into the native caller: a handler failure would tear down the process.
        try
        {
            MjWarningLog.Add(Marshal.PtrToStringUTF8((IntPtr)message) ?? "(no message)");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"MuJoCo warning handler failed: {e.Message}");
        }
    }

    /// <summary>Turns a guarded call's status into an exception carrying MuJoCo's message.</summary>
    internal static void Check(int status, string call, string model)
    {
        if (status != 0)
        {
            var message = Marshal.PtrToStringUTF8((IntPtr)MjGuardNative.s2r_mj_last_error()) ?? "(no message)";
            throw new MuJoCoException($"{model}: {call} failed: {message}");
        }
    }
}
