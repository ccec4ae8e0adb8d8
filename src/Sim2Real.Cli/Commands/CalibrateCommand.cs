using System.CommandLine;
using System.Globalization;
using Sim2Real.Cli.ConsoleDisplay;
using Sim2Real.Core;
using Sim2Real.Files;
using Sim2Real.Vision;
using Sim2Real.Sim.Calibration;
using Sim2Real.Vision.Calibration;
using Sim2Real.Vision.Capture;

namespace Sim2Real.Cli.Commands;

/// <summary>`sim2real calibrate intrinsics|handeye`: camera calibration on OpenCV, written as ROS camera_info YAML.</summary>
internal static class CalibrateCommand
{
    public static Command Create()
    {
        var command = new Command("calibrate", "Calibrate cameras: intrinsics from chessboard or ChArUco views (ROS camera_info YAML), camera-to-robot hand-eye.");
        command.Subcommands.Add(Intrinsics());
        command.Subcommands.Add(HandEye());
        command.Subcommands.Add(SimCheck());
        return command;
    }

    private static Command SimCheck()
    {
        var fovy = new Option<double>("--fovy") { Description = "Vertical field of view of the simulated camera, degrees", DefaultValueFactory = _ => 45 };
        var views = new Option<int>("--views") { Description = "Viewpoints to render", DefaultValueFactory = _ => 16 };
        var size = new Option<string>("--size") { Description = "Render size WIDTHxHEIGHT", DefaultValueFactory = _ => "640x480" };
        var save = new Option<string?>("--save-frames") { Description = "Folder to keep the rendered views in (PNG)" };
        var handEye = new Option<bool>("--handeye") { Description = "Also render a gripper-mounted camera at a known offset and solve it back with calibrate handeye" };
        var command = new Command("sim-check", "Closed loop: render a chessboard in MuJoCo from cameras of known fovy, calibrate, compare f with (h/2)/tan(fovy/2). Exits 1 beyond 0.5%.");
        foreach (var o in new Option[] { fovy, views, size, save, handEye })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse => Run(() =>
        {
            var (width, height) = RenderSize(parse.GetValue(size)!);
            var fovyDegrees = Fovy(parse.GetValue(fovy));
            var viewCount = parse.GetValue(views) is >= IntrinsicsCalibrator.DefaultMinimumViews and <= 200
                ? parse.GetValue(views)
                : throw new InvalidConfigException("command line", "--views", $"must be {IntrinsicsCalibrator.DefaultMinimumViews} to 200 (the fewest views a calibration accepts, the most rendered), got {parse.GetValue(views)}");
            var outcome = LiveProgress.Status(Console.Out, $"rendering {viewCount} chessboard views at {width}x{height} and calibrating", _ =>
                SimCalibrationCheck.Run(width, height, fovyDegrees, viewCount, parse.GetValue(save)));
            CalibrationReport.Print(Console.Out, new Chessboard(new ChessboardSpec(9, 6, 0.03)), outcome.Result);
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv, $"expected f = (h/2)/tan(fovy/2) = {outcome.ExpectedFocal:0.###} px; fx error {outcome.FxError:+0.###%;-0.###%}, fy error {outcome.FyError:+0.###%;-0.###%}"));
            if (Math.Abs(outcome.FxError) > 0.005 || Math.Abs(outcome.FyError) > 0.005)
            {
                throw new CalibrationException("focal length off by more than 0.5%");
            }

            if (parse.GetValue(handEye))
            {
                // Without --save-frames the data set is scratch: it goes, however the solve ends.
                var kept = parse.GetValue(save) is { } s ? Path.Combine(s, "handeye") : null;
                var folder = kept ?? Directory.CreateTempSubdirectory("s2r-handeye-").FullName;
                try
                {
                    var result = LiveProgress.Status(Console.Out, $"rendering {viewCount} gripper-camera views and solving hand-eye", _ =>
                        HandEyeCalibrator.Solve(HandEyeInput.Read(SimHandEyeCheck.WriteDataset(folder, viewCount, fovyDegrees, width, height))));
                    var truth = SimHandEyeCheck.TrueCameraInGripper;
                    Console.WriteLine(string.Create(inv, $"hand-eye ({result.ViewsUsed} views{(kept is null ? "" : $", data in {kept}")}): camera mount off by {result.CameraPose.DistanceTo(truth) * 1000:0.###} mm and {result.CameraPose.AngleTo(truth):0.###} deg; board spread {result.SpreadMeters * 1000:0.###} mm"));
                }
                finally
                {
                    if (kept is null)
                    {
                        Directory.Delete(folder, recursive: true);
                    }
                }
            }
        }));
        return command;
    }

    private static Command Intrinsics()
    {
        var images = new Option<string?>("--images") { Description = "Board images, e.g. 'shots/left*.jpg' (quote it; wildcards in the file name)" };
        var source = new Option<string?>("--source") { Description = "Live mode: a device (/dev/video0 or 0), stream URL (rtsp://, http://), video file or image folder" };
        var views = new Option<int>("--views") { Description = "Live mode: views to collect", DefaultValueFactory = _ => 20 };
        var interval = new Option<int?>("--interval-ms") { Description = "Live mode: least capture time between views (default 500 for devices and streams, 0 for files)" };
        var pattern = new Option<string>("--pattern") { Description = "chessboard or charuco", DefaultValueFactory = _ => "chessboard" };
        var board = new Option<string>("--board") { Description = "Chessboard: inner corners COLSxROWS (9x6). ChArUco: squares COLSxROWS (7x5)", Required = true };
        var square = new Option<double>("--square") { Description = "Square side in metres", Required = true };
        var marker = new Option<double?>("--marker") { Description = "ChArUco: marker side in metres" };
        var dictionary = new Option<string>("--dictionary") { Description = "ChArUco: ArUco dictionary", DefaultValueFactory = _ => "DICT_4X4_50" };
        var output = new Option<string>("--out") { Description = "camera_info YAML to write, e.g. calibration/wrist/wrist.yaml", Required = true };
        var name = new Option<string?>("--camera-name") { Description = "camera_name in the YAML (default: the output file's name)" };
        var minViews = new Option<int>("--min-views") { Description = "Fewest usable views to accept", DefaultValueFactory = _ => IntrinsicsCalibrator.DefaultMinimumViews };

        var command = new Command("intrinsics", "Calibrate a camera's intrinsics (pinhole + plumb_bob) from board views; report RMS and per-view errors; write ROS camera_info YAML atomically.");
        foreach (var o in new Option[] { images, source, views, interval, pattern, board, square, marker, dictionary, output, name, minViews })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse => Run(() =>
        {
            var (imagesGlob, sourceSpec) = (parse.GetValue(images), parse.GetValue(source));
            if ((imagesGlob is null) == (sourceSpec is null))
            {
                throw new InvalidConfigException("command line", "--images/--source", "give exactly one of --images (files) or --source (live)");
            }

            var calibrationBoard = Board(parse.GetValue(pattern)!, parse.GetValue(board)!, parse.GetValue(square), parse.GetValue(marker), parse.GetValue(dictionary)!);
            var minimum = FlagBounds.Count(parse.GetValue(minViews), "--min-views", 1000, "OpenCV needs at least one view");
            var outPath = parse.GetValue(output)!;
            var cameraName = CameraNameFor(parse.GetValue(name), outPath);
            // Live mode's counts are read here, before any view is taken, so a bad one fails first.
            var target = FlagBounds.Count(parse.GetValue(views), "--views", 1000, "views to collect");
            if (parse.GetValue(interval) is < 0 or > 3_600_000)
            {
                throw new InvalidConfigException("command line", "--interval-ms", $"must be 0 to 3600000 ms (an hour), got {parse.GetValue(interval)}");
            }

            var calibrator = new IntrinsicsCalibrator(calibrationBoard, minimum);
            var result = LiveProgress.Run(Console.Out, "calibrate intrinsics", line =>
            {
                if (imagesGlob is not null)
                {
                    var paths = ImageGlob.Expand(imagesGlob).ToList();
                    for (var i = 0; i < paths.Count; i++)
                    {
                        line.Update((double)i / paths.Count, $"finding the board in {Path.GetFileName(paths[i])} ({i + 1}/{paths.Count})", null);
                        calibrator.AddView(paths[i], ImageCodec.Read(paths[i], grayscale: true));
                    }
                }
                else
                {
                    var capture = CaptureSource.Parse(sourceSpec!);
                    var gap = TimeSpan.FromMilliseconds(parse.GetValue(interval) ?? (capture.IsLive ? 500 : 0));
                    line.Log.WriteLine($"collecting {target} views from {capture} ({capture.Backend} backend)");
                    LiveViews.CollectAsync(CameraStream.Open(capture), calibrator, target, gap, line.Log.WriteLine).GetAwaiter().GetResult();
                }

                line.Update(1, "solving (cv::calibrateCamera)", null);
                return calibrator.Solve(cameraName);
            });
            CalibrationReport.Print(Console.Out, calibrationBoard, result);
            CameraInfoYaml.Write(outPath, result.Camera);
            Console.WriteLine($"wrote {outPath}");
        }));
        return command;
    }

    private static Command HandEye()
    {
        var input = new Option<string>("--input") { Description = "Hand-eye input YAML: setup, camera_info, board, views (image + gripper_pose)", Required = true };
        var method = new Option<HandEyeMethod>("--method") { Description = "cv::calibrateHandEye method", DefaultValueFactory = _ => HandEyeMethod.Tsai };
        var output = new Option<string>("--out") { Description = "Result YAML (camera pose in the gripper or base frame)", Required = true };
        var command = new Command("handeye", "Solve the camera-to-robot transform (cv::calibrateHandEye) from robot poses paired with board views.");
        command.Options.Add(input);
        command.Options.Add(method);
        command.Options.Add(output);
        command.SetAction(parse => Run(() =>
        {
            var result = HandEyeCalibrator.Solve(HandEyeInput.Read(parse.GetValue(input)!), parse.GetValue(method));
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine($"views: {result.ViewsUsed} used, {result.Rejected.Count} rejected");
            foreach (var r in result.Rejected)
            {
                Console.WriteLine($"  {r.Name}: {r.Reason}");
            }

            Console.WriteLine(string.Create(inv, $"camera in {result.ParentFrame}: position [{result.CameraPose.T[0]:0.#####}, {result.CameraPose.T[1]:0.#####}, {result.CameraPose.T[2]:0.#####}] m"));
            Console.WriteLine(string.Create(inv, $"consistency: board estimates spread {result.SpreadMeters * 1000:0.###} mm, {result.SpreadDegrees:0.###} deg"));
            var outPath = parse.GetValue(output)!;
            AtomicFile.WriteAllText(outPath, result.ToYaml());
            Console.WriteLine($"wrote {outPath}");
        }));
        return command;
    }

    /// <summary>The lowest and highest --fovy: the board, 0.42 to 0.62 m away, must fit the view and stay large enough to detect.</summary>
    public const double MinFovyDegrees = 40;

    public const double MaxFovyDegrees = 90;

    private static double Fovy(double degrees) => degrees is >= MinFovyDegrees and <= MaxFovyDegrees
        ? degrees
        : throw new InvalidConfigException("command line", "--fovy",
            string.Create(CultureInfo.InvariantCulture, $"must be {MinFovyDegrees} to {MaxFovyDegrees} degrees (the rendered board must fit the view and stay detectable), got {degrees}"));

    /// <summary>A render size WIDTHxHEIGHT: any shape, square included (it is the image, not the board).</summary>
    private static (int Width, int Height) RenderSize(string text)
    {
        var parts = text.Split('x', 'X');
        const int most = 4096;
        return parts.Length == 2
               && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w is >= 64 and <= most
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h is >= 64 and <= most
            ? (w, h)
            : throw new InvalidConfigException("command line", "--size", $"expected WIDTHxHEIGHT in pixels, each 64 to {most}, such as 640x480, got '{text}'");
    }

    /// <summary>--camera-name, or the output file's name when that is a valid camera name.</summary>
    private static string CameraNameFor(string? given, string outPath)
    {
        if (given is not null)
        {
            return CameraName.Validate(given, "command line", "--camera-name");
        }

        if (Directory.Exists(outPath) || Path.EndsInDirectorySeparator(outPath))
        {
            throw new IOException($"{outPath}: is a folder; give a file name to write");
        }

        var fromFile = Path.GetFileNameWithoutExtension(outPath);
        return CameraName.IsValid(fromFile)
            ? fromFile
            : throw new InvalidConfigException("command line", "--camera-name",
                $"the output file's name '{fromFile}' is not a camera name (letters, digits and '_' only): give --camera-name");
    }

    /// <summary>Longest --square: a metre is beyond any printed board, and keeps OpenCV's solver away from degenerate scales.</summary>
    public const double MaxSquareMetres = 1;

    /// <summary>
    /// The board the flags describe. The board specs name their own fields (board, square, marker, dictionary); each
    /// is set by the flag of the same name, so an error names that flag.
    /// </summary>
    internal static ICalibrationBoard Board(string pattern, string size, double square, double? marker, string dictionary)
    {
        const string flags = "board flags";
        try
        {
            return (pattern, Square(square)) switch
            {
                ("chessboard", _) => new Chessboard(ChessboardSpec.Parse(size, square, flags)),
                ("charuco", _) => new Charuco(Sim2Real.Vision.Calibration.CharucoSpec.Parse(size, square,
                    marker ?? throw new InvalidConfigException("command line", "--marker", "ChArUco needs --marker (the marker side in metres)"), dictionary, flags)),
                _ => throw new InvalidConfigException("command line", "--pattern", $"expected chessboard or charuco, got '{pattern}'"),
            };
        }
        catch (InvalidConfigException e) when (e.Origin == flags)
        {
            throw new InvalidConfigException("command line", "--" + e.Field, e.Problem, e);
        }
    }

    private static double Square(double metres) => double.IsFinite(metres) && metres is > 0 and <= MaxSquareMetres
        ? metres
        : throw new InvalidConfigException("command line", "--square", string.Create(CultureInfo.InvariantCulture, $"must be a positive length in metres, at most {MaxSquareMetres}, got {metres}"));

    // Expected failures are CommandRunner's to report (one line naming the file or flag, exit 1); a partial output is never written.
    private static int Run(Action body)
    {
        OpenCvInfo.EnsureLoaded();
        body();
        return 0;
    }
}
