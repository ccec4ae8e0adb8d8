namespace Sim2Real.Sim.Rendering;

/// <summary>Size and quality of the frames one <see cref="MjRenderer"/> produces.</summary>
public sealed record RenderOptions
{
    /// <summary>Largest side accepted, in pixels (MuJoCo's offscreen buffer is one GL renderbuffer).</summary>
    public const int MaxSide = 4096;

    public int Width { get; init; } = 84;

    public int Height { get; init; } = 84;

    public RenderQuality Quality { get; init; } = RenderQuality.Fast;

    /// <summary>Capacity of the abstract scene (mjvScene.maxgeom); geoms beyond it are dropped with a warning.</summary>
    public int MaxGeoms { get; init; } = 1000;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid field.</summary>
    public RenderOptions Validate()
    {
        if (Width is < 1 or > MaxSide)
        {
            throw new ArgumentOutOfRangeException(nameof(Width), Width, $"frame width must be in [1, {MaxSide}] pixels");
        }

        if (Height is < 1 or > MaxSide)
        {
            throw new ArgumentOutOfRangeException(nameof(Height), Height, $"frame height must be in [1, {MaxSide}] pixels");
        }

        if (MaxGeoms < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxGeoms), MaxGeoms, "scene capacity must be at least 1 geom");
        }

        if (!Enum.IsDefined(Quality))
        {
            throw new ArgumentOutOfRangeException(nameof(Quality), Quality, "unknown render quality");
        }

        return this;
    }
}
