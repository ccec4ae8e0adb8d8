using Sim2Real.Core.Imaging;
using System.Reactive.Linq;
using Sim2Real.Vision.Capture;

namespace Sim2Real.Vision.Preprocessing;

/// <summary>The deployment side of preprocessing: camera frames become stacked observations.</summary>
public static class ObservationStreams
{
    /// <summary>
    /// Runs every captured frame through <paramref name="preprocessor"/> and a frame stack; the stack restarts
    /// after a reconnect, so an observation never mixes frames from before and after an outage.
    /// </summary>
    public static IObservable<StackedObservation> Preprocess(this IObservable<CapturedFrame> frames, FramePreprocessor preprocessor)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(preprocessor);
        return Observable.Defer(() =>
        {
            var stack = preprocessor.NewStack();
            var connection = -1;
            return frames.Select(frame =>
            {
                if (frame.Connection != connection)
                {
                    connection = frame.Connection;
                    return stack.Reset(frame.Image, frame.CapturedAt);
                }

                return stack.Push(frame.Image, frame.CapturedAt);
            });
        });
    }
}
