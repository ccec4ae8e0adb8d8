using System.Globalization;

namespace Sim2Real.Training;

/// <summary>Where a training run stands between evaluations, as a progress display shows it.</summary>
/// <param name="FramesPerSecond">Recent environment frames per wall second (<see cref="RecentFrameRate"/>).</param>
/// <param name="LastReturn">Return of the last finished training episode; NaN before the first.</param>
/// <param name="CriticLoss">Loss of the last update; NaN while the seed frames are collected.</param>
/// <param name="LastEvaluation">Held-out success rate of the last evaluation; null before the first.</param>
public sealed record TrainingProgress(long Frame, long TotalFrames, double FramesPerSecond, double LastReturn, double CriticLoss, double ActorLoss,
    double? LastEvaluation, double CpuSeconds)
{
    /// <summary>Share of the frame budget done, 0 to 1.</summary>
    public double Fraction => TotalFrames > 0 ? Math.Clamp((double)Frame / TotalFrames, 0, 1) : 1;

    /// <summary>Wall time left at the recent rate; zero when no rate is known yet.</summary>
    public TimeSpan Remaining => TimeSpan.FromSeconds(FramesPerSecond > 0 ? Math.Max(0, TotalFrames - Frame) / FramesPerSecond : 0);

    /// <summary>What the run is doing, without the frame count: rate, return, losses, last evaluation, CPU time.</summary>
    public string Status => string.Create(CultureInfo.InvariantCulture,
        $"{FramesPerSecond:F0} fps | return {LastReturn:F1} | {(double.IsNaN(CriticLoss) ? "seeding" : $"critic {CriticLoss:F3} actor {ActorLoss:F3}")} | eval {(LastEvaluation is { } e ? e.ToString("P0", CultureInfo.InvariantCulture) : "-")} | cpu {CpuSeconds / 60:F1} min");

    /// <summary>One plain line, for logs and for output that is not a terminal.</summary>
    public string Line => string.Create(CultureInfo.InvariantCulture, $"frames {Frame}/{TotalFrames} | {Status} | ETA {Remaining:hh\\:mm\\:ss}");
}
