using System.CommandLine;
using Sim2Real.Cli.Commands.Launch;

namespace Sim2Real.Cli.Commands;

/// <summary><c>./sim2real launch launch/&lt;x&gt;.yaml</c>: every process a deployment description names, started and stopped together.</summary>
internal static class LaunchCommand
{
    public static Command Create() => LaunchVerb.Create();
}
