using System.Diagnostics;
using System.Text.Json;
using Sim2Real.Cli.Commands;
using Sim2Real.Sim.Tests;

namespace Sim2Real.Cli.Tests.Commands;

public sealed class SimCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-sim-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Check_passes_a_well_behaved_model()
    {
        var (code, output, error) = Run("sim", "check", TestModels.Humanoid);

        Assert.True(code == 0, output + error);
        Assert.Contains("ok: no warnings", output, StringComparison.Ordinal);
        Assert.Contains("200 steps", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arm6")]
    [InlineData("quad12")]
    public void Check_drives_every_robot_by_name_without_warnings(string robot)
    {
        var (code, output, error) = Run("sim", "check", robot);

        Assert.True(code == 0, output + error);
        Assert.Contains("from keyframe 'home'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_finds_a_robot_by_name_and_renders_its_wrist_camera()
    {
        var png = Path.Combine(_dir, "wrist.png");

        var (code, output, error) = Run("sim", "render", "--robot", "arm6", "--camera", "wrist", "--out", png);

        Assert.True(code == 0, error);
        Assert.Contains("arm6", output, StringComparison.Ordinal);
        Assert.True(new FileInfo(png).Length > 100);
    }

    [Fact]
    public void Render_of_an_unknown_robot_lists_the_known_robots()
    {
        var (code, _, error) = Run("sim", "render", "--robot", "hexapod", "--out", Path.Combine(_dir, "x.png"));

        Assert.Equal(1, code);
        Assert.Contains("unknown robot 'hexapod'", error, StringComparison.Ordinal);
        Assert.Contains("arm6", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_fails_on_any_warning_and_names_it()
    {
        var path = Write("exploding.xml", TestModels.Exploding);

        var (code, output, _) = Run("sim", "check", path);

        Assert.Equal(1, code);
        Assert.Contains("mjWARN_BADQACC", output, StringComparison.Ordinal);
        Assert.Contains("FAILED", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_of_a_robot_folder_without_a_scene_says_so()
    {
        var (code, _, error) = Run("sim", "check", _dir);

        Assert.Equal(1, code);
        Assert.Contains("robot folder has no scene.xml", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_ends_with_one_json_line_holding_steps_per_second()
    {
        var (code, output, error) = Run("sim", "bench", "--model", TestModels.Humanoid, "--steps", "300", "--threads", "2", "--json");

        Assert.True(code == 0, error);
        var last = output.TrimEnd().Split('\n')[^1];
        using var json = JsonDocument.Parse(last);
        Assert.True(json.RootElement.GetProperty("steps_per_second").GetDouble() > 0);
        Assert.Equal(2, json.RootElement.GetProperty("threads").GetInt32());
    }

    [Fact]
    public void Render_writes_a_png_of_the_asked_size_from_a_named_camera()
    {
        var model = Write("wall.xml", TestModels.Wall("1 0 0", "0 0 1"));
        var png = Path.Combine(_dir, "frame.png");

        var (code, output, error) = Run("sim", "render", "--model", model, "--camera", "front", "--width", "64", "--height", "48", "--out", png);

        Assert.True(code == 0, error);
        Assert.Contains("64x48", output, StringComparison.Ordinal);
        var bytes = File.ReadAllBytes(png);
        Assert.Equal(0x89, bytes[0]);
        Assert.Equal(64, (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19]);
        Assert.Equal(48, (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23]);
    }

    [Fact]
    public void Render_of_an_unknown_camera_names_it_and_lists_the_known_ones()
    {
        var model = Write("wall.xml", TestModels.Wall("1 0 0", "0 0 1"));

        var (code, _, error) = Run("sim", "render", "--model", model, "--camera", "wrist", "--out", Path.Combine(_dir, "x.png"));

        Assert.Equal(1, code);
        Assert.Contains("no camera named 'wrist' (known: front)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_of_a_malformed_model_names_the_file()
    {
        var model = Write("broken.xml", "<mujoco><worldbody><geom type=\"nonsense\"/></worldbody></mujoco>");

        var (code, _, error) = Run("sim", "render", "--model", model, "--out", Path.Combine(_dir, "x.png"));

        Assert.Equal(1, code);
        Assert.Contains(model, error, StringComparison.Ordinal);
        Assert.Contains("nonsense", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_runs_on_OSMesa_when_MUJOCO_GL_asks_for_it()
    {
        // A separate process: OSMesa and EGL must never be loaded into the same one.
        var model = Write("wall.xml", TestModels.Wall("1 0 0", "0 0 1"));
        var png = Path.Combine(_dir, "osmesa.png");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "sim2real.dll"), "sim", "render", "--model", model, "--camera", "front", "--out", png])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["MUJOCO_GL"] = "osmesa";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, stdout + stderr);
        Assert.Contains("OSMesa", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(png));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandRunner.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
