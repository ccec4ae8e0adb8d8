namespace Sim2Real.Cli.Commands.Deploy;

/// <summary>What <c>deploy</c> and <c>launch</c> exit with, so scripts can tell a bad input from a failed run.</summary>
internal static class DeployExitCodes
{
    /// <summary>Ran; nothing unexpected tripped, and the expected trip (if any) happened.</summary>
    public const int Ok = 0;

    /// <summary>Ran (or was refused at start-up by the live robot) and failed: an unexpected trip, a missing expected trip, a refusal.</summary>
    public const int Failed = 1;

    /// <summary>Never started: a bad launch file, policy, option or environment. Nothing was published.</summary>
    public const int BadInput = 2;

    /// <summary>Interrupted before the loop ran (Ctrl+C during start-up).</summary>
    public const int Interrupted = 130;
}
