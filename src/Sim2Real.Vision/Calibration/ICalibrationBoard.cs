using Sim2Real.Core.Imaging;
namespace Sim2Real.Vision.Calibration;

/// <summary>A calibration target that can be found in a grey image.</summary>
public interface ICalibrationBoard
{
    /// <summary>Short description for reports, e.g. "chessboard 9x6 inner corners, 25 mm squares".</summary>
    string Description { get; }

    /// <summary>The fewest corners a view must show to be used.</summary>
    int MinimumCorners { get; }

    /// <summary>Finds the board; null when it is not (fully) visible.</summary>
    BoardObservation? Detect(Image gray);
}
