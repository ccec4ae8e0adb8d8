namespace Sim2Real.Cli.Tests.Commands;

/// <summary>Each bad calibrate input is one line naming its flag, exit 1, no trace and no file written.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CalibrateBadInputTests : IDisposable
{
    private const string Samples = "/usr/share/doc/opencv-doc/examples/data";

    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-calibrate-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("--board", "100000x99999", "--board", "at most 200 inner corners per side")]
    [InlineData("--square", "-1", "--square", "must be a positive length in metres, at most 1, got -1")]
    [InlineData("--square", "1e308", "--square", "at most 1, got 1E+308")]
    [InlineData("--views", "0", "--views", "must be 1 to 1000")]
    [InlineData("--interval-ms", "-1", "--interval-ms", "must be 0 to 3600000 ms")]
    [InlineData("--min-views", "0", "--min-views", "must be 1 to 1000")]
    [InlineData("--camera-name", "cam\nextra_key: 1", "--camera-name", "letters, digits and '_' only")]
    public void A_bad_intrinsics_flag_is_one_line_naming_it_and_writes_nothing(string flag, string value, string named, string problem)
    {
        var output = Path.Combine(_dir, "left.yaml");
        string[] args = ["calibrate", "intrinsics", "--images", $"{Samples}/left0*.jpg", "--board", "9x6", "--square", "0.025", "--out", output];
        var index = Array.IndexOf(args, flag);
        args = index >= 0 ? [.. args[..(index + 1)], value, .. args[(index + 2)..]] : [.. args, flag, value];

        var (code, _, stderr) = CliRunner.Run(args);

        AssertOneLine(code, stderr, named, problem);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Theory]
    [InlineData("0.03", "DICT_4X4_50", "--marker", "smaller than the square")]
    [InlineData("nan", "DICT_4X4_50", "--marker", "marker size must be positive")]
    [InlineData("0.015", "nosuch", "--dictionary", "expected DICT_NxN_M")]
    public void A_bad_charuco_flag_is_named_itself_not_board(string marker, string dictionary, string named, string problem)
    {
        var (code, _, stderr) = CliRunner.Run("calibrate", "intrinsics", "--images", $"{Samples}/left0*.jpg", "--pattern", "charuco", "--board", "7x5",
            "--square", "0.025", "--marker", marker, "--dictionary", dictionary, "--out", Path.Combine(_dir, "c.yaml"));

        AssertOneLine(code, stderr, named, problem);
        Assert.DoesNotContain("--board", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_camera_name_taken_from_an_output_file_name_that_is_not_one_asks_for_camera_name()
    {
        var output = Path.Combine(_dir, "cam: x #y.yaml");

        var (code, _, stderr) = CliRunner.Run("calibrate", "intrinsics", "--images", $"{Samples}/left0*.jpg", "--board", "9x6", "--square", "0.025", "--out", output);

        AssertOneLine(code, stderr, "--camera-name", "'cam: x #y' is not a camera name");
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void An_existing_folder_as_out_is_refused_saying_it_is_a_folder()
    {
        var (code, _, stderr) = CliRunner.Run("calibrate", "intrinsics", "--images", $"{Samples}/left0*.jpg", "--board", "9x6", "--square", "0.025", "--out", _dir + "/");

        AssertOneLine(code, stderr, _dir, "is a folder");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("180")]
    [InlineData("nan")]
    public void A_fovy_no_board_can_be_seen_through_is_refused_naming_fovy_not_the_detector(string fovy)
    {
        var (code, _, stderr) = CliRunner.Run("calibrate", "sim-check", "--fovy", fovy);

        AssertOneLine(code, stderr, "--fovy", "must be 40 to 90 degrees");
    }

    [Fact]
    public void A_square_render_size_is_an_image_size_not_a_symmetric_board()
    {
        // --size is read before --fovy: reaching the --fovy check means 320x320 was taken.
        var (code, _, stderr) = CliRunner.Run("calibrate", "sim-check", "--size", "320x320", "--fovy", "0");

        AssertOneLine(code, stderr, "--fovy", "degrees");
        Assert.DoesNotContain("symmetric", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Sim_check_with_handeye_removes_its_scratch_data_set()
    {
        static string[] Scratch() => [.. Directory.GetDirectories(Path.GetTempPath(), "s2r-handeye-*").Where(d => !Path.GetFileName(d).StartsWith("s2r-handeye-test-", StringComparison.Ordinal))];
        var before = Scratch();

        var (code, stdout, stderr) = CliRunner.Run("calibrate", "sim-check", "--handeye", "--views", "8");

        Assert.True(code == 0, stderr);
        Assert.Contains("hand-eye (8 views): camera mount off by", stdout, StringComparison.Ordinal);
        Assert.Equal(before, Scratch());
    }

    [Fact]
    public void A_render_size_that_is_not_width_by_height_names_size()
    {
        var (code, _, stderr) = CliRunner.Run("calibrate", "sim-check", "--size", "320");

        AssertOneLine(code, stderr, "--size", "expected WIDTHxHEIGHT");
    }

    [Fact]
    public void A_character_class_in_the_image_glob_selects_those_files()
    {
        var output = Path.Combine(_dir, "left.yaml");

        var (code, stdout, stderr) = CliRunner.Run("calibrate", "intrinsics", "--images", $"{Samples}/left0[1-6].jpg", "--board", "9x6", "--square", "0.025", "--out", output);

        Assert.True(code == 0, stderr);
        Assert.Contains("views: 6 used, 0 rejected", stdout, StringComparison.Ordinal);
    }

    private static void AssertOneLine(int code, string stderr, string named, string problem)
    {
        Assert.Equal(1, code);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(named, stderr, StringComparison.Ordinal);
        Assert.Contains(problem, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
