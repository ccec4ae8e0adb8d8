using Sim2Real.Vision.Calibration;

namespace Sim2Real.Cli.Tests.Commands;

[Collection(ConsoleCollection.Name)]
public class CalibrateCommandTests
{
    private const string Samples = "/usr/share/doc/opencv-doc/examples/data";

    [Fact]
    public void Intrinsics_on_opencv_samples_reports_errors_and_writes_camera_info()
    {
        var output = Path.Combine(Temp(), "calibration", "left.yaml");

        var (code, stdout, stderr) = CliRunner.Run("calibrate", "intrinsics", "--images", $"{Samples}/left0*.jpg", "--board", "9x6", "--square", "0.025", "--out", output);

        Assert.True(code == 0, stderr);
        Assert.Contains("views: 9 used, 0 rejected", stdout, StringComparison.Ordinal);
        Assert.Contains("left05.jpg", stdout, StringComparison.Ordinal);
        Assert.Contains("RMS reprojection error:", stdout, StringComparison.Ordinal);
        var camera = CameraInfoYaml.Read(output);
        Assert.Equal("left", camera.CameraName);
        Assert.InRange(camera.Fx, 500, 560);
    }

    [Fact]
    public void Too_few_views_exits_1_with_the_reason_and_writes_no_file()
    {
        var output = Path.Combine(Temp(), "cam.yaml");

        var (code, _, stderr) = CliRunner.Run("calibrate", "intrinsics", "--images", $"{Samples}/left01.jpg", "--board", "9x6", "--square", "0.025", "--out", output);

        Assert.Equal(1, code);
        Assert.Contains("too few views: 1 usable of 1, need at least 4", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(output)!));
    }

    [Fact]
    public void A_failed_recalibration_leaves_the_previous_file_untouched()
    {
        var output = Path.Combine(Temp(), "cam.yaml");
        var good = CliRunner.Run("calibrate", "intrinsics", "--images", $"{Samples}/left0*.jpg", "--board", "9x6", "--square", "0.025", "--out", output);
        var before = File.ReadAllText(output);

        var failed = CliRunner.Run("calibrate", "intrinsics", "--images", $"{Samples}/left01.jpg", "--board", "9x6", "--square", "0.025", "--out", output);

        Assert.Equal((0, 1), (good.Code, failed.Code));
        Assert.Equal(before, File.ReadAllText(output));
        Assert.Equal([output], Directory.GetFiles(Path.GetDirectoryName(output)!));
    }

    [Fact]
    public void Unreadable_image_exits_1_naming_the_file()
    {
        var dir = Temp();
        File.WriteAllText(Path.Combine(dir, "shot1.png"), "not an image");

        var (code, _, stderr) = CliRunner.Run("calibrate", "intrinsics", "--images", $"{dir}/shot*.png", "--board", "9x6", "--square", "0.025", "--out", Path.Combine(dir, "cam.yaml"));

        Assert.Equal(1, code);
        Assert.Contains($"{dir}/shot1.png: not a readable image", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "cam.yaml")));
    }

    [Fact]
    public void Live_mode_collects_views_from_an_image_folder_source()
    {
        var dir = Temp();
        foreach (var n in new[] { "01", "02", "03", "04", "05", "06" })
        {
            File.Copy($"{Samples}/left{n}.jpg", Path.Combine(dir, $"left{n}.jpg"));
        }

        var output = Path.Combine(Temp(), "live.yaml");
        var (code, stdout, stderr) = CliRunner.Run("calibrate", "intrinsics", "--source", dir, "--views", "5", "--board", "9x6", "--square", "0.025", "--out", output);

        Assert.True(code == 0, stderr);
        Assert.Contains("view 5/5", stdout, StringComparison.Ordinal);
        Assert.Contains("views: 5 used", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(output));
    }

    [Fact]
    public void Live_mode_on_a_video_the_bundled_ffmpeg_cannot_decode_exits_1_naming_the_file_and_the_codec()
    {
        var video = Path.Combine(RepositoryRoot(), "tests", "Sim2Real.Vision.Tests", "Fixtures", "av1_64x48.mkv");
        var output = Path.Combine(Temp(), "cam.yaml");

        var (code, _, stderr) = CliRunner.Run("calibrate", "intrinsics", "--source", video, "--board", "9x6", "--square", "0.025", "--out", output);

        Assert.Equal(1, code);
        Assert.Contains($"sim2real calibrate intrinsics: error: {video}: cannot decode its video: codec 'AV01' (AV1)", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("--dictionary", "DICT_4X4_50", "ChArUco needs --marker")]
    [InlineData("--marker", "0.05", "marker size must be positive and smaller than the square")]
    [InlineData("--dictionary", "DICT_9X9_50", "expected DICT_NxN_M")]
    public void Charuco_options_are_checked_before_any_image_is_read(string option, string value, string problem)
    {
        string[] args = ["calibrate", "intrinsics", "--pattern", "charuco", "--images", $"{Samples}/left01.jpg", "--board", "7x5", "--square", "0.04", "--out", Path.Combine(Temp(), "c.yaml"), option, value];
        if (option == "--dictionary" && value == "DICT_9X9_50")
        {
            args = [.. args, "--marker", "0.03"];
        }

        var (code, _, stderr) = CliRunner.Run(args);

        Assert.Equal(1, code);
        Assert.Contains(problem, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Images_and_source_together_are_refused()
    {
        var (code, _, stderr) = CliRunner.Run("calibrate", "intrinsics", "--images", "a*.png", "--source", "0", "--board", "9x6", "--square", "0.025", "--out", "x.yaml");

        Assert.Equal(1, code);
        Assert.Contains("give exactly one of --images (files) or --source (live)", stderr, StringComparison.Ordinal);
    }

    // The fixture belongs to the Vision tests (with its README); the CLI test reads it where it lives.
    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sim2Real.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"no Sim2Real.sln above {AppContext.BaseDirectory}");
    }

    private static string Temp()
    {
        var dir = Path.Combine(Path.GetTempPath(), "s2r-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
