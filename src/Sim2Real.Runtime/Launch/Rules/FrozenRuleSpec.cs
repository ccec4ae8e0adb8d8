namespace Sim2Real.Runtime.Launch.Rules;

/// <summary>
/// joint_states_frozen: trips when <c>samples</c> consecutive joint_states carry bit-identical positions while the
/// commanded targets have moved by more than <c>target_motion_rad</c> meanwhile (a still robot with a quantized
/// encoder may report identical values; a robot told to move may not). Sensor noise never repeats bit for bit.
/// </summary>
public sealed record FrozenRuleSpec
{
    public int? Samples { get; init; }

    public double? TargetMotionRad { get; init; }

    internal (int Samples, double TargetMotionRad) Resolve(string source, string field) =>
        (RequiredField.AtLeast(Samples, 2, source, $"{field}.samples"), RequiredField.Positive(TargetMotionRad, source, $"{field}.target_motion_rad"));
}
