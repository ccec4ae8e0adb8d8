using System.Runtime.InteropServices;

namespace Sim2Real.Sim.Benchmarks;

/// <summary>
/// CPU time consumed by the calling thread (Linux CLOCK_THREAD_CPUTIME_ID). On a shared, loaded machine wall time
/// mostly measures the other processes; CPU time of the stepping thread measures the stepping.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    public static double Seconds()
    {
        if (clock_gettime(ClockThreadCpuTimeId, out var now) != 0)
        {
            throw new InvalidOperationException($"clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed (errno {Marshal.GetLastPInvokeError()})");
        }

        return now.Seconds + (now.Nanoseconds * 1e-9);
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int clock_gettime(int clock, out Timespec time);
}
