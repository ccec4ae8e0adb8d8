using Sim2Real.Core.Imaging;
using System.Reactive.Linq;
using Sim2Real.Vision.Capture;

namespace Sim2Real.Vision.Calibration;

/// <summary>Feeds a calibrator from a capture stream until it holds enough views (live calibration).</summary>
public static class LiveViews
{
    /// <summary>
    /// Offers frames to <paramref name="calibrator"/>, at most one per <paramref name="minimumInterval"/> of capture
    /// time (so views differ), until <paramref name="views"/> are usable or the source ends. Returns the frames offered.
    /// Source failures (a dead camera) propagate as the stream's error.
    /// </summary>
    public static async Task<int> CollectAsync(
        IObservable<CapturedFrame> frames, IntrinsicsCalibrator calibrator, int views, TimeSpan minimumInterval, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(calibrator);
        DateTimeOffset? last = null;
        var offered = 0;
        await frames
            .TakeWhile(_ => calibrator.UsableViews < views)
            .Where(f => last is null || f.CapturedAt - last.Value >= minimumInterval)
            .Do(f =>
            {
                last = f.CapturedAt;
                offered++;
                var found = calibrator.AddView($"frame {f.Sequence}", f.Image) is not null;
                if (found)
                {
                    progress?.Invoke($"view {calibrator.UsableViews}/{views}: frame {f.Sequence}");
                }
            })
            .DefaultIfEmpty()
            .LastAsync();
        return offered;
    }
}
