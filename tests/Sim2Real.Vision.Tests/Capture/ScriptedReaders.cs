using Sim2Real.Core.Imaging;
using System.Reactive.Concurrency;
using Sim2Real.Vision.Capture;

namespace Sim2Real.Vision.Tests.Capture;

/// <summary>
/// A fake source that follows a script: each open either fails or yields a reader with a number of frames.
/// Grabbing a frame takes one frame interval of virtual time.
/// </summary>
internal sealed class ScriptedReaders(HistoricalScheduler clock, params int?[] script) : IFrameReaderFactory
{
    private int _opens;

    public List<DateTimeOffset> OpenedAt { get; } = [];

    public static TimeSpan FrameInterval => TimeSpan.FromMilliseconds(33);

    /// <summary>Entries past the end of the script fail, as an unplugged camera does.</summary>
    public IFrameReader Open(CaptureSource source, CameraStreamOptions options)
    {
        OpenedAt.Add(clock.Now);
        var step = _opens < script.Length ? script[_opens] : null;
        _opens++;
        return step is { } frames ? new Reader(clock, frames) : throw new CaptureUnavailableException($"device {source.Location} unplugged");
    }

    private sealed class Reader(HistoricalScheduler clock, int frames) : IFrameReader
    {
        private int _left = frames;

        public bool Grab()
        {
            clock.Sleep(FrameInterval);
            return _left-- > 0;
        }

        public Image Retrieve() => TestImages.Pattern(8, 6, PixelFormat.Bgr, _left);

        public void Dispose()
        {
        }
    }
}
