using System.Globalization;
using Sim2Real.Vision.Calibration;

namespace Sim2Real.Vision.Calibration;

/// <summary>Prints an intrinsic calibration the way a user checks it: views, errors, rejected views, the camera.</summary>
public static class CalibrationReport
{
    private const int MaxRejectedListed = 20;

    public static void Print(TextWriter output, ICalibrationBoard board, IntrinsicsResult result)
    {
        var c = result.Camera;
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"board: {board.Description}");
        output.WriteLine($"views: {result.Views.Count} used, {result.Rejected.Count} rejected");
        foreach (var view in result.Views)
        {
            output.WriteLine(string.Create(inv, $"  {view.Name,-40} {view.RmsErrorPixels,8:0.0000} px"));
        }

        if (result.Rejected.Count > 0)
        {
            output.WriteLine("rejected:");
            foreach (var r in result.Rejected.Take(MaxRejectedListed))
            {
                output.WriteLine($"  {r.Name}: {r.Reason}");
            }

            if (result.Rejected.Count > MaxRejectedListed)
            {
                output.WriteLine($"  ... and {result.Rejected.Count - MaxRejectedListed} more");
            }
        }

        output.WriteLine(string.Create(inv, $"RMS reprojection error: {result.RmsErrorPixels:0.0000} px"));
        output.WriteLine(string.Create(inv, $"camera {c.CameraName} {c.ImageWidth}x{c.ImageHeight}: fx {c.Fx:0.###} fy {c.Fy:0.###} cx {c.Cx:0.###} cy {c.Cy:0.###}"));
        output.WriteLine($"distortion ({c.DistortionModel}): [{string.Join(", ", c.D.Select(d => d.ToString("0.######", inv)))}]");
    }
}
