using System.Runtime.InteropServices;

namespace Sim2Real.Runtime.Hosting;

/// <summary>
/// The runtime's control and policy threads under SCHED_FIFO, as ros2_control runs its control loop: on a loaded
/// machine an ordinary thread waits behind every other runnable one for its core, which is where the tail of the
/// tick-to-command latency comes from. Without the right (CAP_SYS_NICE, or an rtprio limit in limits.conf) the
/// thread stays ordinary and says so once; the loop works the same, with a longer tail.
/// </summary>
internal static partial class RealtimeThreads
{
    private const int SchedFifo = 1;
    private const int EPerm = 1;

    /// <summary>A background thread that makes itself SCHED_FIFO <paramref name="priority"/> (0: ordinary) before running <paramref name="start"/>.</summary>
    public static Thread Create(string name, ThreadStart start, int priority, Action<string> report)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(report);
        return new Thread(() =>
        {
            if (priority > 0)
            {
                report(Elevate(name, priority));
            }

            start();
        })
        {
            Name = name,
            IsBackground = true,
        };
    }

    private static string Elevate(string name, int priority)
    {
        if (!OperatingSystem.IsLinux())
        {
            return $"{name}: an ordinary thread (SCHED_FIFO is Linux's)";
        }

        var param = new SchedParam { Priority = priority };
        // pid 0 is the calling thread: Linux schedules threads, not processes.
        if (SetScheduler(0, SchedFifo, ref param) == 0)
        {
            return $"{name}: SCHED_FIFO priority {priority}";
        }

        var errno = Marshal.GetLastPInvokeError();
        var why = errno == EPerm
            ? "not permitted; give the process CAP_SYS_NICE or an rtprio limit (limits.conf), as ros2_control asks"
            : Marshal.GetPInvokeErrorMessage(errno);
        return $"{name}: an ordinary thread (SCHED_FIFO priority {priority}: {why})";
    }

    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static partial int SetScheduler(int pid, int policy, ref SchedParam param);

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        public int Priority;
    }
}
