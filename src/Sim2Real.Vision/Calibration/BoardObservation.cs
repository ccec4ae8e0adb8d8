namespace Sim2Real.Vision.Calibration;

/// <summary>Board corners found in one image: pixel positions (x,y pairs) and their board coordinates (x,y,z in metres).</summary>
public sealed record BoardObservation(float[] ImagePoints, float[] ObjectPoints)
{
    public int Count => ImagePoints.Length / 2;
}
