using Sim2Real.Learning.Policies;
using Sim2Real.Replay.Logs;
using Sim2Real.Robotics.Observations;
using Sim2Real.Robotics.Policies;
using Sim2Real.Ros.Messages.Sim2RealMsgs;

namespace Sim2Real.Replay.Policy;

/// <summary>
/// Feeds a log's policy ticks, in order, through a policy: each tick's observation vector and stacked frames exactly
/// as the runtime fed them, the policy reset at the first tick and at each new episode (as the runtime resets it).
/// With the logged policy every action must equal the logged raw action bit for bit, and the first one that does not
/// ends the replay; with another policy every tick is compared.
/// </summary>
public static class PolicyReplay
{
    /// <param name="identical">True: stop at the first action that is not bit-identical. False: compare every tick.</param>
    /// <exception cref="PolicyMismatchException">The policy was trained for another robot, observation or action size.</exception>
    public static PolicyReplayResult Run(DeploymentLog log, LoadedPolicy policy, bool identical, string? robot = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(policy);
        var ticks = log.Require(log.Ticks, log.Topics.PolicyTick, "replay policy feeds the logged policy ticks (sim2real_msgs/PolicyTick) through the policy");
        var manifest = policy.Manifest;
        var logged = log.Robot(robot);
        if (manifest.Robot.Name != logged)
        {
            throw new PolicyMismatchException($"{policy.Path} was trained for robot '{manifest.Robot.Name}'; {log.File} was recorded on robot '{logged}'");
        }

        var joints = manifest.Robot.Joints.Select(j => j.Name).ToArray();
        CheckSizes(log, policy, ticks[0]);
        var action = new float[manifest.ActionSize];
        var sums = new (double Abs, double Max, double Square)[action.Length];
        var pairs = new List<(ulong, float[], float[])>();
        uint? episode = null;
        var episodes = 0;
        var count = 0;
        foreach (var (_, index, tick) in ticks)
        {
            if (episode != tick.Episode)
            {
                policy.Policy.Reset();
                episode = tick.Episode;
                episodes++;
            }

            if (tick.RawAction.Length != action.Length)
            {
                throw new InvalidDataException($"{log.File}: {log.Topics.PolicyTick} record {index} (tick {tick.Tick}): raw_action has {tick.RawAction.Length} values; the policy acts on {action.Length} joints");
            }

            try
            {
                policy.Policy.Act(new Observation(tick.Observation, tick.Pixels.Length == 0 ? null : tick.Pixels), action);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{log.File}: {log.Topics.PolicyTick} record {index} (tick {tick.Tick}): {e.Message}", e);
            }

            count++;
            if (identical)
            {
                for (var j = 0; j < action.Length; j++)
                {
                    if (BitConverter.SingleToUInt32Bits(action[j]) != BitConverter.SingleToUInt32Bits(tick.RawAction[j]))
                    {
                        return new PolicyReplayResult
                        {
                            Identical = false,
                            Ticks = count,
                            Episodes = episodes,
                            Mismatch = new ActionMismatch(index, tick.Tick, tick.Episode, j, joints[j], tick.RawAction[j], action[j]),
                        };
                    }
                }

                continue;
            }

            pairs.Add((tick.Tick, tick.RawAction, (float[])action.Clone()));
            for (var j = 0; j < action.Length; j++)
            {
                var d = Math.Abs((double)action[j] - tick.RawAction[j]);
                sums[j] = (sums[j].Abs + d, Math.Max(sums[j].Max, d), sums[j].Square + (d * d));
            }
        }

        return new PolicyReplayResult
        {
            Identical = identical || pairs.All(p => p.Item2.AsSpan().SequenceEqual(p.Item3)),
            Ticks = count,
            Episodes = episodes,
            Differences = identical ? [] : [.. sums.Select((s, j) => new JointActionDifference(joints[j], s.Abs / count, s.Max, Math.Sqrt(s.Square / count)))],
            Actions = pairs,
        };
    }

    private static void CheckSizes(DeploymentLog log, LoadedPolicy policy, Logged<PolicyTick> first)
    {
        var shape = policy.Manifest.Agent.ObsShape;
        var expected = shape.Aggregate(1L, (a, b) => a * b);
        var (what, actual) = shape.Count == 3 ? ("pixels", (long)first.Message.Pixels.Length) : ("observation", first.Message.Observation.Length);
        if (actual != expected)
        {
            throw new PolicyMismatchException(
                $"{policy.Path} takes {what} of shape [{string.Join(", ", shape)}] ({expected} values); {log.File} {log.Topics.PolicyTick} record {first.Index} holds {actual} {what} values: the log was not recorded with this policy's observation");
        }

        if (first.Message.RawAction.Length != policy.Manifest.ActionSize)
        {
            throw new PolicyMismatchException(
                $"{policy.Path} acts on {policy.Manifest.ActionSize} joints; {log.File} records {first.Message.RawAction.Length} actions per tick");
        }
    }
}
