namespace Sim2Real.Robotics.Policies;

/// <summary>
/// A pixel policy's camera and frame pipeline: the input resolution it was trained at, then crop, resize to the
/// training size, colour order and stacking, as Sim2Real.Vision's FramePreprocessor applies them.
/// </summary>
public sealed record PolicyCamera
{
    public required string Name { get; init; }

    public required int Width { get; init; }

    public required int Height { get; init; }

    /// <summary>x, y, width, height of the kept region; null keeps the whole frame.</summary>
    public IReadOnlyList<int>? Crop { get; init; }

    public required int OutputWidth { get; init; }

    public required int OutputHeight { get; init; }

    public required int FrameStack { get; init; }

    /// <summary>"area", "linear", "cubic" or "nearest".</summary>
    public string Resize { get; init; } = "area";

    /// <summary>"rgb" or "bgr": the channel order of the observation.</summary>
    public string Order { get; init; } = "rgb";
}
