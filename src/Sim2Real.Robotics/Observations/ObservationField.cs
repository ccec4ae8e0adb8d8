using Sim2Real.Core;

namespace Sim2Real.Robotics.Observations;

/// <summary>
/// One named slice of the state vector: value = clip((raw - offset) * scale, -clip, clip), element by element, the
/// way legged_gym and Isaac Lab describe their observations (default joint positions, observation scales, clip).
/// </summary>
public sealed record ObservationField
{
    public required string Name { get; init; }

    public required ObservationSource Source { get; init; }

    /// <summary>Number of values; only task state needs it given, every other source knows its width.</summary>
    public int Size { get; init; }

    /// <summary>One scale for every element, or one per element; empty means 1.</summary>
    public IReadOnlyList<double> Scale { get; init; } = [];

    /// <summary>Subtract the robot's home pose first (joint positions: legged_gym's default_dof_pos).</summary>
    public bool OffsetHome { get; init; }

    /// <summary>Values to subtract, one per element; empty means none.</summary>
    public IReadOnlyList<double> Offset { get; init; } = [];

    /// <summary>Symmetric clip after scaling; null leaves the field unclipped.</summary>
    public double? Clip { get; init; }

    public SampleTiming Timing => ObservationSources.Timing(Source);

    public double ScaleAt(int i) => Scale.Count == 0 ? 1 : Scale.Count == 1 ? Scale[0] : Scale[i];

    public double OffsetAt(int i) => Offset.Count == 0 ? 0 : Offset[i];

    /// <summary>The field with its width resolved for a robot of <paramref name="joints"/> joints.</summary>
    internal ObservationField Resolve(int joints, string source, string where)
    {
        var width = ObservationSources.Size(Source, joints);
        if (width < 0)
        {
            if (Size <= 0)
            {
                throw new InvalidConfigException(source, $"{where}.size", $"field '{Name}' ({ObservationSources.Name(Source)}) needs its size");
            }

            width = Size;
        }
        else if (Size != 0 && Size != width)
        {
            throw new InvalidConfigException(source, $"{where}.size", $"field '{Name}' ({ObservationSources.Name(Source)}) has {width} values for this robot, not {Size}");
        }

        if (Scale.Count is not (0 or 1) && Scale.Count != width)
        {
            throw new InvalidConfigException(source, $"{where}.scale", $"field '{Name}' has {width} values: give one scale or {width}, not {Scale.Count}");
        }

        if (Offset.Count != 0 && Offset.Count != width)
        {
            throw new InvalidConfigException(source, $"{where}.offset", $"field '{Name}' has {width} values: give {width} offsets, not {Offset.Count}");
        }

        if (OffsetHome && (Source != ObservationSource.JointPosition || Offset.Count != 0))
        {
            throw new InvalidConfigException(source, $"{where}.offset", $"field '{Name}': 'home' offsets only joint positions, and replaces explicit offsets");
        }

        if (Clip is { } c && (!double.IsFinite(c) || c <= 0))
        {
            throw new InvalidConfigException(source, $"{where}.clip", $"must be a positive number, got {c}");
        }

        if (Scale.Concat(Offset).Any(v => !double.IsFinite(v)))
        {
            throw new InvalidConfigException(source, where, $"field '{Name}': scales and offsets must be finite");
        }

        return this with { Size = width };
    }
}
