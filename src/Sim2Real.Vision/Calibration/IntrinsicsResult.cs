namespace Sim2Real.Vision.Calibration;

/// <summary>The outcome of an intrinsic calibration: the camera, its overall and per-view errors, the views left out.</summary>
public sealed record IntrinsicsResult(
    CameraInfo Camera,
    double RmsErrorPixels,
    IReadOnlyList<CalibrationView> Views,
    IReadOnlyList<RejectedView> Rejected);
