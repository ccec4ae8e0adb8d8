namespace Sim2Real.Replay.Policy;

/// <summary>The first tick whose replayed action is not bit for bit the logged one.</summary>
public sealed record ActionMismatch(int Index, ulong Tick, uint Episode, int Joint, string JointName, float Logged, float Replayed)
{
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"tick {Tick} (record {Index} of /policy/tick, episode {Episode}): raw_action[{Joint}] ({JointName}) was {Logged:R} (0x{BitConverter.SingleToUInt32Bits(Logged):x8}) in the log, the policy gives {Replayed:R} (0x{BitConverter.SingleToUInt32Bits(Replayed):x8})");
}
