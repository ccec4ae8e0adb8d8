using Sim2Real.Core.Imaging;
using Sim2Real.Vision.Interop;

namespace Sim2Real.Vision.Calibration;

/// <summary>Finds a ChArUco board: markers by cv::aruco::detectMarkers, corners by interpolateCornersCharuco.</summary>
public sealed class Charuco(CharucoSpec spec) : ICalibrationBoard
{
    public CharucoSpec Spec { get; } = spec;

    public string Description =>
        $"ChArUco {Spec.SquaresX}x{Spec.SquaresY} squares, {Spec.SquareMeters * 1000:0.###} mm squares, {Spec.MarkerMeters * 1000:0.###} mm {Spec.Dictionary} markers";

    /// <summary>A quarter of the corners (at least 6): partial views help, but a handful of corners constrain little.</summary>
    public int MinimumCorners => Math.Max(6, Spec.CornerCount / 4);

    public unsafe BoardObservation? Detect(Image gray)
    {
        ArgumentNullException.ThrowIfNull(gray);
        if (gray.Format != PixelFormat.Gray)
        {
            gray = ImageOps.Convert(gray, PixelFormat.Gray);
        }

        var ids = new int[Spec.CornerCount];
        var corners = new float[2 * Spec.CornerCount];
        int found;
        fixed (byte* p = gray.Pixels)
        fixed (int* i = ids)
        fixed (float* c = corners)
        {
            found = CvNative.Check(
                CvNative.s2r_cv_charuco_detect(gray.View(p), Spec.SquaresX, Spec.SquaresY, Spec.SquareMeters, Spec.MarkerMeters, Spec.DictionaryId, Spec.CornerCount, i, c),
                "ChArUco detection");
        }

        if (found == 0)
        {
            return null;
        }

        var objectPoints = new float[3 * found];
        for (var k = 0; k < found; k++)
        {
            (objectPoints[3 * k], objectPoints[(3 * k) + 1]) = Spec.Corner(ids[k]);
        }

        return new BoardObservation(corners[..(2 * found)], objectPoints);
    }

    /// <summary>Renders the board (grey, white margin) for printing or synthetic views.</summary>
    public unsafe Image Draw(int width, int height, int marginPx)
    {
        var image = Image.Blank(width, height, PixelFormat.Gray);
        fixed (byte* p = image.Pixels)
        {
            CvNative.Check(
                CvNative.s2r_cv_charuco_draw(Spec.SquaresX, Spec.SquaresY, Spec.SquareMeters, Spec.MarkerMeters, Spec.DictionaryId, marginPx, image.View(p)),
                "ChArUco drawing");
        }

        return image;
    }
}
