using Sim2Real.Learning.Policies;
using Sim2Real.Robotics.Observations;
using Sim2Real.Ros.Messages.Sim2RealMsgs;

namespace Sim2Real.Replay.Tests;

/// <summary>
/// A log of policy ticks as the runtime writes them: each tick's observation fed through the policy, its action
/// recorded as the raw action; two episodes, the policy reset at each.
/// </summary>
internal static class PolicyLog
{
    public const int TicksPerEpisode = 12;
    public const double PeriodS = 0.04;

    /// <param name="corrupt">Called with each tick before it is written; may change it (a test's bad tick).</param>
    public static void Write(string path, string policyPath, string robot = "arm6", Func<int, PolicyTick, PolicyTick>? corrupt = null)
    {
        using var policy = PolicyFile.Load(policyPath);
        using var log = new DeploymentLogWriter(path, robot, policy: policyPath);
        var random = new Random(5);
        var size = TestPolicies.Layout.Size;
        var action = new float[policy.Manifest.ActionSize];
        for (var i = 0; i < 2 * TicksPerEpisode; i++)
        {
            var episode = (uint)(i / TicksPerEpisode);
            if (i % TicksPerEpisode == 0)
            {
                policy.Policy.Reset();
            }

            var observation = new float[size];
            for (var k = 0; k < size; k++)
            {
                observation[k] = (float)((random.NextDouble() * 2) - 1);
            }

            policy.Policy.Act(new Observation(observation), action);
            var tick = new PolicyTick
            {
                Tick = (ulong)i,
                Episode = episode,
                FrameAgeS = double.NaN,
                Observation = observation,
                RawAction = (float[])action.Clone(),
                SafetyState = "ok",
            };
            log.Tick(LogTime.At(i * PeriodS), corrupt?.Invoke(i, tick) ?? tick);
        }
    }
}
