using Sim2Real.Ros.Transport;

namespace Sim2Real.Runtime.Hosting;

/// <summary>How one <c>deploy</c> run ends and reports.</summary>
public sealed record DeploymentRunOptions
{
    /// <summary>Stop after this long on the deployment's clock (sim seconds under sim time); null runs until stopped.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Run this many simulated episodes (needs a simulator section), then stop.</summary>
    public int? Episodes { get; init; }

    /// <summary>The rule a fault-injection run expects to trip; any other trip is unexpected.</summary>
    public string? ExpectTrip { get; init; }

    /// <summary>The ROS environment (domain, network); the node's name and namespace come from the launch file.</summary>
    public required RosOptions Ros { get; init; }

    /// <summary>Where the status line, notices and summary go.</summary>
    public required TextWriter Output { get; init; }

    /// <summary>The MCAP log to write (never overwritten); null records nothing.</summary>
    public string? RecordPath { get; init; }

    /// <summary>The checkout's commit, for the log's metadata.</summary>
    public string? GitCommit { get; init; }

    /// <summary>The command that started the run, for the log's metadata.</summary>
    public string? CommandLine { get; init; }

    /// <summary>Rewrite one status line in place (a terminal) instead of printing a line every few seconds.</summary>
    public bool LiveStatus { get; init; }
}
