using Sim2Real.Core;

namespace Sim2Real.Vision.Capture;

/// <summary>How a camera stream keeps time, reconnects and decides that a source is dead.</summary>
public sealed record CameraStreamOptions
{
    /// <summary>Clock for capture timestamps, backoff delays and the stall watchdog.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Reconnect attempts after a live source drops (or fails to open) before it is reported dead.</summary>
    public int ReconnectAttempts { get; init; } = 5;

    /// <summary>First backoff delay; each further attempt doubles it, up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Connected but no frame for this long: the source is stalled and reported dead.</summary>
    public TimeSpan FrameTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest an open may take (FFmpeg honours it natively; the watchdog enforces it for all).</summary>
    public TimeSpan OpenTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Lend the reader's one frame buffer instead of copying each frame out of it: every <see cref="CapturedFrame"/>
    /// then shares one <see cref="Sim2Real.Core.Imaging.Image"/>, overwritten by the next frame, so it is valid only
    /// inside OnNext. Saves a copy and a large allocation per frame for consumers that use each frame at once
    /// (<see cref="Preprocessing.ObservationStreams.Preprocess"/>); never combine it with ObserveOn or buffering.
    /// </summary>
    public bool ReuseFrameBuffer { get; init; }

    public CameraStreamOptions Validate(string source = "capture")
    {
        ArgumentNullException.ThrowIfNull(TimeProvider);
        if (ReconnectAttempts is < 0 or > 1000)
        {
            throw new InvalidConfigException(source, "reconnect_attempts", $"must be in 0..1000, got {ReconnectAttempts}");
        }

        if (ReconnectDelay <= TimeSpan.Zero || MaxReconnectDelay < ReconnectDelay)
        {
            throw new InvalidConfigException(source, "reconnect_delay", $"need 0 < reconnect_delay <= max_reconnect_delay, got {ReconnectDelay} and {MaxReconnectDelay}");
        }

        if (FrameTimeout <= TimeSpan.Zero || OpenTimeout <= TimeSpan.Zero)
        {
            throw new InvalidConfigException(source, "frame_timeout/open_timeout", "must be positive");
        }

        return this;
    }
}
