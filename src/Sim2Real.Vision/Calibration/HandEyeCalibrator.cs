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

        var camera = Solve(motions, boardInCamera, method);
        // The fixed object (board in base for eye-in-hand, board in gripper for eye-to-hand) seen through each view.
        var fixedObject = motions.Select((m, i) => m.Then(camera).Then(boardInCamera[i])).ToList();
        var spreadM = Math.Sqrt(fixedObject.Average(f => Math.Pow(f.DistanceTo(fixedObject[0]), 2)));
        var spreadDeg = fixedObject.Max(f => f.AngleTo(fixedObject[0]));
        return new HandEyeResult(input.Setup, method, camera, motions.Count, rejected, spreadM, spreadDeg);
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
