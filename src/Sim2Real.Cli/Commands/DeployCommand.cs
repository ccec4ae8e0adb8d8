using System.CommandLine;
using Sim2Real.Cli.Commands.Deploy;

namespace Sim2Real.Cli.Commands;

/// <summary><c>./sim2real deploy --launch launch/&lt;x&gt;.yaml</c>: a policy on a robot over ROS 2, under the safety watchdogs.</summary>
internal static class DeployCommand
{
    public static Command Create() => DeployVerb.Create();
}
