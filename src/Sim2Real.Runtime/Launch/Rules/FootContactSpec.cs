namespace Sim2Real.Runtime.Launch.Rules;

/// <summary>
/// foot_contact (legged robots, /foot_contacts): trips when no foot has touched the ground for <c>max_airborne_s</c>
/// (lifted, fallen on its back, or a contact sensor gone), and, as foot_contacts_stale, when no contact message has
/// arrived for <c>timeout_s</c>.
/// </summary>
public sealed record FootContactSpec
{
    public double? MaxAirborneS { get; init; }

    public double? TimeoutS { get; init; }

    internal (TimeSpan MaxAirborne, TimeSpan Timeout) Resolve(string source, string field) =>
        (TimeSpan.FromSeconds(RequiredField.Positive(MaxAirborneS, source, $"{field}.max_airborne_s")),
         TimeSpan.FromSeconds(RequiredField.Positive(TimeoutS, source, $"{field}.timeout_s")));
}
