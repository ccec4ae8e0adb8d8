using Sim2Real.Core;
using Sim2Real.Robotics.Observations;

namespace Sim2Real.Robotics.Policies;

/// <summary>An observation field as written to a manifest (sources by snake_case name, timing spelled out).</summary>
public sealed record PolicyField
{
    public required string Name { get; init; }

    public required string Source { get; init; }

    public required int Size { get; init; }

    public IReadOnlyList<double> Scale { get; init; } = [];

    public bool OffsetHome { get; init; }

    public IReadOnlyList<double> Offset { get; init; } = [];

    public double? Clip { get; init; }

    /// <summary>When the value is sampled relative to the action it produces (informative; fixed by the source).</summary>
    public string Timing { get; init; } = "";

    public static PolicyField From(ObservationField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return new PolicyField
        {
            Name = field.Name,
            Source = ObservationSources.Name(field.Source),
            Size = field.Size,
            Scale = field.Scale,
            OffsetHome = field.OffsetHome,
            Offset = field.Offset,
            Clip = field.Clip,
            Timing = field.Timing switch
            {
                SampleTiming.LatestAtTick => "latest_at_tick",
                SampleTiming.PreviousCommand => "previous_command",
                _ => "latest_task_command",
            },
        };
    }

    public ObservationField ToField(string source, int index) => new()
    {
        Name = Name,
        Source = ObservationSources.Parse(Source)
            ?? throw new InvalidConfigException(source, $"observation[{index}].source",
                $"unknown source '{Source}'; known: {string.Join(", ", ObservationSources.All.Select(ObservationSources.Name))}"),
        Size = Size,
        Scale = Scale,
        OffsetHome = OffsetHome,
        Offset = Offset,
        Clip = Clip,
    };
}
