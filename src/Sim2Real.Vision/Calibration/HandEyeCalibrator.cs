using Sim2Real.Vision.Interop;

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

    internal static unsafe RigidTransform Solve(IReadOnlyList<RigidTransform> gripperInBase, IReadOnlyList<RigidTransform> targetInCamera, HandEyeMethod method)
    {
        var n = gripperInBase.Count;
        var rg = gripperInBase.SelectMany(p => p.R).ToArray();
        var tg = gripperInBase.SelectMany(p => p.T).ToArray();
        var rt = targetInCamera.SelectMany(p => p.R).ToArray();
        var tt = targetInCamera.SelectMany(p => p.T).ToArray();
        var r = new double[9];
        var t = new double[3];
        fixed (double* prg = rg)
        fixed (double* ptg = tg)
        fixed (double* prt = rt)
        fixed (double* ptt = tt)
        fixed (double* pr = r)
        fixed (double* pt = t)
        {
            CvNative.Check(CvNative.s2r_cv_calibrate_hand_eye(n, prg, ptg, prt, ptt, (int)method, pr, pt), "calibrateHandEye");
        }

        return new RigidTransform(r, t);
    }

    /// <summary>The board's pose in the camera frame from its detected corners (cv::solvePnP).</summary>
    public static unsafe RigidTransform BoardPose(BoardObservation found, CameraInfo camera)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(camera);
        var obj = found.ObjectPoints.Select(v => (double)v).ToArray();
        var img = found.ImagePoints.Select(v => (double)v).ToArray();
        var rvec = new double[3];
        var tvec = new double[3];
        var k = camera.K;
        var d = camera.D;
        fixed (double* po = obj)
        fixed (double* pi = img)
        fixed (double* pk = k)
        fixed (double* pd = d)
        fixed (double* pr = rvec)
        fixed (double* pt = tvec)
        {
            CvNative.Check(CvNative.s2r_cv_solve_pnp(po, pi, found.Count, pk, pd, d.Length, pr, pt), "solvePnP");
        }

        return RigidTransform.FromRotationVector(rvec, tvec);
    }
}
