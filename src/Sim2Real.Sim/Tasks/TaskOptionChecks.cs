using Sim2Real.Core;

namespace Sim2Real.Sim.Tasks;

/// <summary>The one check the tasks add to <see cref="ConfigChecks"/>: an episode length in control steps.</summary>
internal static class TaskOptionChecks
{
    public static void Steps(string source, string field, int steps)
    {
        if (steps is < 1 or > 1_000_000)
        {
            throw new InvalidConfigException(source, field, $"must be 1..1000000 control steps, got {steps}");
        }
    }
}
