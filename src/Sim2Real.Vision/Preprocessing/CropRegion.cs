namespace Sim2Real.Vision.Preprocessing;

/// <summary>A rectangle in pixels of the (undistorted) input frame.</summary>
public readonly record struct CropRegion(int X, int Y, int Width, int Height)
{
    public override string ToString() => $"{Width}x{Height}+{X}+{Y}";
}
