using Sim2Real.Core;
using Sim2Real.Cli.Commands.Sim;
using Sim2Real.Learning.Checkpoints;
using Sim2Real.Learning.Policies;
using Sim2Real.Learning.Tensors;
using Sim2Real.Mcap;
using Sim2Real.Native;
using Sim2Real.Robotics.Policies;
using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Transport;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Rendering;
using Sim2Real.Training;
using Sim2Real.Vision;
using Sim2Real.Vision.Calibration;
using Sim2Real.Vision.Capture;

namespace Sim2Real.Cli.Commands;

/// <summary>
/// The errors a user can cause and fix (a bad file, flag, name, config or network setting; a missing engine): their
/// messages name what is wrong, so one line says it all. Anything else escaping a verb is a bug in sim2real.
/// </summary>
internal static class ExpectedErrors
{
    public static bool IsExpected(Exception error) => error switch
    {
        // The guard helpers (ThrowIfNull, ThrowIfLessThan, ...) word their messages for programmers, naming
        // parameters: reaching one from the command line means a flag went unchecked, which is a bug.
        ArgumentNullException or ArgumentOutOfRangeException => false,
        InvalidConfigException or IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException => true,
        SafetensorsFormatException or CheckpointMismatchException or PolicyFileException or PolicyMismatchException or TorchException => true,
        MuJoCoException or MjNameNotFoundException or RenderingException or RobotNotFoundException => true,
        RosTransportException or MalformedMessageException or NativeLibraryMissingException or TimeoutException or McapFormatException => true,
        CalibrationException or ImageFileException or OpenCvException or CaptureSourceLostException or VideoCodecException => true,
        // What the file formats here refuse to read (an F16 tensor, a checkpoint over 2 GiB) is said in a NotSupportedException.
        NonFiniteLossException or NotSupportedException => true,
        _ => false,
    };

    /// <summary>The error a verb threw, out of the wrappers that tasks and parallel loops put around it.</summary>
    public static Exception Unwrap(Exception error)
    {
        while (error is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            error = aggregate.InnerExceptions[0];
        }

        return error is System.Reflection.TargetInvocationException { InnerException: { } inner } ? Unwrap(inner) : error;
    }
}
