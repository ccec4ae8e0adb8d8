using OpenCvSharp;

namespace Sim2Real.Vision.Calibration;

/// <summary>
/// Hand-eye calibration: the board's pose in each image (cv::solvePnP with the camera's intrinsics), paired with
/// the robot's gripper pose, solved by cv::calibrateHandEye. Eye-to-hand is the same problem with the gripper
/// poses inverted (base in gripper), which makes the answer the camera in the base frame.
/// </summary>
public static class HandEyeCalibrator
{
    public const int MinimumViews = 3;

    /// <exception cref="CalibrationException">Too few views with the board visible.</exception>
    public static HandEyeResult Solve(HandEyeInput input, HandEyeMethod method = HandEyeMethod.Tsai)
    {
        ArgumentNullException.ThrowIfNull(input);
        var board = new Chessboard(input.Board);
        var motions = new List<RigidTransform>();
        var boardInCamera = new List<RigidTransform>();
        var rejected = new List<RejectedView>();
        foreach (var view in input.Views)
        {
            var image = ImageCodec.Read(view.ImagePath, grayscale: true);
            if (image.Width != input.Camera.ImageWidth || image.Height != input.Camera.ImageHeight)
            {
                throw new CalibrationException(
                    $"{view.ImagePath}: image is {image.Width}x{image.Height} but the camera was calibrated at {input.Camera.ImageWidth}x{input.Camera.ImageHeight}");
            }

            var found = board.Detect(image);
            if (found is null)
            {
                rejected.Add(new RejectedView(view.ImagePath, $"no {board.Description} found"));
                continue;
            }

            boardInCamera.Add(BoardPose(found, input.Camera));
            motions.Add(input.Setup == HandEyeSetup.EyeInHand ? view.GripperInBase : view.GripperInBase.Inverse());
        }

        if (motions.Count < MinimumViews)
        {
            throw new CalibrationException(
                $"too few views: {motions.Count} with the board found of {input.Views.Count}, hand-eye needs at least {MinimumViews} (and varied rotations)"
                + (rejected.Count > 0 ? $"; rejected: {string.Join("; ", rejected.Select(r => $"{r.Name} ({r.Reason})"))}" : ""));
        }

        RequireRotationDiversity(motions, input.Views.Count);
        var camera = Solve(motions, boardInCamera, method);
        // The fixed object (board in base for eye-in-hand, board in gripper for eye-to-hand) seen through each view.
        var fixedObject = motions.Select((m, i) => m.Then(camera).Then(boardInCamera[i])).ToList();
        var spreadM = Math.Sqrt(fixedObject.Average(f => Math.Pow(f.DistanceTo(fixedObject[0]), 2)));
        var spreadDeg = fixedObject.Max(f => f.AngleTo(fixedObject[0]));
        return new HandEyeResult(input.Setup, method, camera, motions.Count, rejected, spreadM, spreadDeg);
    }

    /// <summary>Smallest rotation between two views that counts as a motion, in degrees.</summary>
    public const double MinimumRotationDegrees = 2;

    /// <summary>Smallest angle between two motions' rotation axes for them to count as non-parallel, in degrees.</summary>
    public const double MinimumAxisAngleDegrees = 10;

    /// <summary>
    /// The rotation part of AX = XB is solvable only from motions about at least two non-parallel axes (Tsai-Lenz;
    /// all of OpenCV's methods): with views at one pose, or turning about one axis only, calibrateHandEye still
    /// returns a transform, and a wrong one.
    /// </summary>
    /// <exception cref="CalibrationException">The views' relative rotations do not span two axes.</exception>
    internal static void RequireRotationDiversity(IReadOnlyList<RigidTransform> motions, int views)
    {
        var axes = new List<double[]>();
        var largest = 0.0;
        for (var i = 1; i < motions.Count; i++)
        {
            var relative = motions[0].Inverse().Then(motions[i]).RotationVector();
            var angle = Math.Sqrt(relative.Sum(v => v * v)) * 180 / Math.PI;
            largest = Math.Max(largest, angle);
            if (angle >= MinimumRotationDegrees)
            {
                axes.Add([.. relative.Select(v => v / (angle * Math.PI / 180))]);
            }
        }

        var sine = Math.Sin(MinimumAxisAngleDegrees * Math.PI / 180);
        var spans = axes.Any(a => axes.Any(b => Cross(a, b) >= sine));
        if (!spans)
        {
            throw new CalibrationException(axes.Count == 0
                ? $"the gripper barely rotates between the {motions.Count} usable views of {views} (largest rotation {largest:0.##} deg, need {MinimumRotationDegrees}): hand-eye needs the gripper rotated about at least two different axes"
                : $"the gripper rotates about one axis only across the {motions.Count} usable views of {views}: hand-eye needs rotations about at least two axes {MinimumAxisAngleDegrees} deg apart");
        }
    }

    private static double Cross(double[] a, double[] b)
    {
        double[] c = [(a[1] * b[2]) - (a[2] * b[1]), (a[2] * b[0]) - (a[0] * b[2]), (a[0] * b[1]) - (a[1] * b[0])];
        return Math.Sqrt(c.Sum(v => v * v));
    }

    internal static RigidTransform Solve(IReadOnlyList<RigidTransform> gripperInBase, IReadOnlyList<RigidTransform> targetInCamera, HandEyeMethod method)
    {
        var mats = new List<Mat>();
        TrackedMat Track(TrackedMat m)
        {
            mats.Add(m);
            return m;
        }

        var r = new double[9];
        var t = new double[3];
        try
        {
            var rg = gripperInBase.Select(p => Track(ArrayMats.Over(p.R, 3, 3))).ToList();
            var tg = gripperInBase.Select(p => Track(ArrayMats.Over(p.T, 3, 1))).ToList();
            var rt = targetInCamera.Select(p => Track(ArrayMats.Over(p.R, 3, 3))).ToList();
            var tt = targetInCamera.Select(p => Track(ArrayMats.Over(p.T, 3, 1))).ToList();
            var rOut = Track(ArrayMats.Over(r, 3, 3));
            var tOut = Track(ArrayMats.Over(t, 3, 1));
            Cv2.CalibrateHandEye(rg, tg, rt, tt, rOut, tOut, (HandEyeCalibrationMethod)method);
            return rOut.StillBorrowed && tOut.StillBorrowed
                ? new RigidTransform(r, t)
                : throw new OpenCvException("calibrateHandEye: OpenCV reallocated the result");
        }
        catch (OpenCVException e)
        {
            throw OpenCvErrors.Wrap("calibrateHandEye", e);
        }
        finally
        {
            mats.ForEach(m => m.Dispose());
        }
    }

    /// <summary>The board's pose in the camera frame from its detected corners (cv::solvePnP).</summary>
    public static RigidTransform BoardPose(BoardObservation found, CameraInfo camera)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(camera);
        var rvec = new double[3];
        var tvec = new double[3];
        using var obj = TrackedMat.Over(found.ObjectPoints.Select(v => (double)v).ToArray(), found.Count, 1, MatType.CV_64FC3);
        using var img = TrackedMat.Over(found.ImagePoints.Select(v => (double)v).ToArray(), found.Count, 1, MatType.CV_64FC2);
        using var k = ArrayMats.Over(camera.K, 3, 3);
        using var d = ArrayMats.Over(camera.D, 1, camera.D.Length);
        using var r = ArrayMats.Over(rvec, 3, 1);
        using var t = ArrayMats.Over(tvec, 3, 1);
        try
        {
            Cv2.SolvePnP(obj, img, k, d, r, t, false, SolvePnPMethod.Iterative);
        }
        catch (OpenCVException e)
        {
            throw OpenCvErrors.Wrap("solvePnP", e);
        }

        if (!r.StillBorrowed || !t.StillBorrowed || !rvec.Concat(tvec).All(double.IsFinite))
        {
            throw new OpenCvException("solvePnP: no pose found for the board points");
        }

        return RigidTransform.FromRotationVector(rvec, tvec);
    }
}
