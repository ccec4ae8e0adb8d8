using OpenCvSharp;
using OpenCvSharp.Aruco;
using Sim2Real.Core.Imaging;

namespace Sim2Real.Vision.Calibration;

/// <summary>Finds a ChArUco board: markers by cv::aruco::detectMarkers, corners by interpolateCornersCharuco.</summary>
public sealed class Charuco(CharucoSpec spec) : ICalibrationBoard
{
    public CharucoSpec Spec { get; } = spec;

    public string Description =>
        $"ChArUco {Spec.SquaresX}x{Spec.SquaresY} squares, {Spec.SquareMeters * 1000:0.###} mm squares, {Spec.MarkerMeters * 1000:0.###} mm {Spec.Dictionary} markers";

    /// <summary>A quarter of the corners (at least 6): partial views help, but a handful of corners constrain little.</summary>
    public int MinimumCorners => Math.Max(6, Spec.CornerCount / 4);

    public BoardObservation? Detect(Image gray)
    {
        ArgumentNullException.ThrowIfNull(gray);
        if (gray.Format != PixelFormat.Gray)
        {
            gray = ImageOps.Convert(gray, PixelFormat.Gray);
        }

        Point2f[] corners;
        int[] ids;
        using (var image = ImageMats.Wrap(gray))
        using (var dictionary = CvAruco.GetPredefinedDictionary((PredefinedDictionaryType)Spec.DictionaryId))
        using (var board = Board(dictionary))
        using (var detector = new CharucoDetector(board))
        {
            try
            {
                detector.DetectBoard(image, out corners, out ids, out _, out _);
            }
            catch (OpenCVException e)
            {
                throw OpenCvErrors.Wrap("ChArUco detection", e);
            }
        }

        var found = Math.Min(Math.Min(corners.Length, ids.Length), Spec.CornerCount);
        if (found == 0)
        {
            return null;
        }

        var objectPoints = new float[3 * found];
        for (var k = 0; k < found; k++)
        {
            (objectPoints[3 * k], objectPoints[(3 * k) + 1]) = Spec.Corner(ids[k]);
        }

        return new BoardObservation(Chessboard.Flatten(corners[..found]), objectPoints);
    }

    /// <summary>Renders the board (grey, white margin) for printing or synthetic views.</summary>
    public Image Draw(int width, int height, int marginPx)
    {
        var image = Image.Blank(width, height, PixelFormat.Gray);
        using var dictionary = CvAruco.GetPredefinedDictionary((PredefinedDictionaryType)Spec.DictionaryId);
        using var board = Board(dictionary);
        using var drawn = (TrackedMat)ImageMats.Wrap(image);
        try
        {
            board.GenerateImage(new Size(width, height), drawn, marginPx, 1);
        }
        catch (OpenCVException e)
        {
            throw OpenCvErrors.Wrap("ChArUco drawing", e);
        }

        return drawn.StillBorrowed ? image : throw new OpenCvException("ChArUco drawing: OpenCV reallocated the destination");
    }

    // OpenCV 4.7 changed where boards with an even number of rows put their first marker; the legacy layout keeps
    // boards printed from OpenCV 4.6 (Debian's, and this project's earlier shim) detectable, and draws them the same.
    private CharucoBoard Board(OpenCvSharp.Aruco.Dictionary dictionary) =>
        new(Spec.SquaresX, Spec.SquaresY, (float)Spec.SquareMeters, (float)Spec.MarkerMeters, dictionary) { LegacyPattern = true };
}
