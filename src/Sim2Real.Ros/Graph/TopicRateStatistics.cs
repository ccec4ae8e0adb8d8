namespace Sim2Real.Ros.Graph;

/// <summary>What ros2 topic hz prints: the rate and the spread of the arrival intervals in its window.</summary>
/// <param name="Window">Messages in the window (one more than its intervals), as ros2 topic hz counts it.</param>
public readonly record struct TopicRateStatistics(double AverageRateHz, double MinIntervalS, double MaxIntervalS, double StdDevS, int Window);
