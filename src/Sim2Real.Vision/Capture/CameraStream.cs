using System.Reactive.Linq;

namespace Sim2Real.Vision.Capture;

/// <summary>
/// Frames from a source as an <see cref="IObservable{T}"/>. Each subscription opens the source and reads it on its
/// own thread; disposing the subscription stops reading and releases the source. Live sources reconnect through a
/// Polly retry with exponential backoff; when the attempts run out, or a connected source stalls past the frame
/// timeout, the stream ends with <see cref="CaptureSourceLostException"/>: a dead source is reported, never waited on.
/// Files and folders complete at their end.
/// </summary>
public static class CameraStream
{
    public static IObservable<CapturedFrame> Open(CaptureSource source, CameraStreamOptions? options = null) =>
        Open(source, (options ?? new CameraStreamOptions()).Validate(), FrameReaderFactory.Instance, StartOnOwnThread);

    internal static IObservable<CapturedFrame> Open(
        CaptureSource source, CameraStreamOptions options, IFrameReaderFactory readers, Action<Action, string> start)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Observable.Create<CapturedFrame>(observer =>
        {
            var loop = new CaptureLoop(source, options, readers, observer);
            start(loop.Run, $"capture {source.Location}");
            return loop;
        });
    }

    private static void StartOnOwnThread(Action run, string name) =>
        new Thread(() => run()) { IsBackground = true, Name = name }.Start();
}
