namespace Sim2Real.Cli.Tests.Commands;

/// <summary>vision bench's bad input: one line naming the flag or file, exit 1, before any round runs.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class VisionBadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-vision-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("--iterations", "2000000000", "must be 1 to 100000")]
    [InlineData("--video-frames", "2000000000", "must be 1 to 10000")]
    [InlineData("--rounds", "1000000", "must be 1 to 20")]
    [InlineData("--rounds", "0", "must be 1 to 20")]
    public void Bench_counts_beyond_their_caps_name_the_flag_instead_of_running_for_days(string flag, string value, string problem)
    {
        var (code, stdout, stderr) = CliRunner.Run("vision", "bench", flag, value);

        SimBadInputTests.AssertOneLine(code, stderr, flag, problem);
        Assert.DoesNotContain("round", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "no such camera_info file")]
    [InlineData("image_width: 640\nimage_height: [480\n", "(document): not valid YAML at line")]
    [InlineData("image_width: 640\n", "image_height: missing")]
    public void Bench_with_a_missing_or_malformed_calibration_names_the_file_and_field(string? yaml, string problem)
    {
        var calibration = Path.Combine(_dir, "camera.yaml");
        if (yaml is not null)
        {
            File.WriteAllText(calibration, yaml);
        }

        var (code, _, stderr) = CliRunner.Run("vision", "bench", "--calibration", calibration, "--rounds", "1");

        SimBadInputTests.AssertOneLine(code, stderr, calibration, problem);
    }

    [Fact]
    public void Bench_with_a_folder_as_calibration_says_it_is_a_folder()
    {
        var (code, _, stderr) = CliRunner.Run("vision", "bench", "--calibration", _dir, "--rounds", "1");

        SimBadInputTests.AssertOneLine(code, stderr, _dir, "is a folder; give a camera_info YAML file");
    }

    [Fact]
    public void Bench_with_a_named_reference_script_that_is_missing_names_reference()
    {
        var script = Path.Combine(_dir, "nosuch.py");

        var (code, _, stderr) = CliRunner.Run("vision", "bench", "--reference", script, "--rounds", "1");

        SimBadInputTests.AssertOneLine(code, stderr, "--reference", $"no such file: {script}");
    }
}
