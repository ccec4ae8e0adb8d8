namespace Sim2Real.Training;

/// <summary>
/// Frames per second with older windows fading out over a horizon, so the progress line's rate and ETA follow the
/// phase a run is in: seeding runs at hundreds of frames per second, pixel updates at about one.
/// </summary>
internal sealed class RecentFrameRate(long startFrame, double horizonSeconds = 30)
{
    private long _frame = startFrame;
    private double _seconds;
    private double? _rate;

    /// <summary>Folds in the frames reached after <paramref name="seconds"/> since the start; returns the rate.</summary>
    public double Update(long frame, double seconds)
    {
        var dt = seconds - _seconds;
        if (dt <= 0)
        {
            return _rate ?? 0;
        }

        var window = (frame - _frame) / dt;
        var weight = 1 - Math.Exp(-dt / horizonSeconds);
        _rate = _rate is { } r ? r + (weight * (window - r)) : window;
        _frame = frame;
        _seconds = seconds;
        return _rate.Value;
    }
}
