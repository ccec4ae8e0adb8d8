using System.Diagnostics;
using Sim2Real.Cli.Doctor;
using Sim2Real.Native;

namespace Sim2Real.Cli.Tests;

public class DoctorTests
{
    [Fact]
    public void Reports_all_five_engines_with_versions()
    {
        var output = new StringWriter();

        var code = new EngineDoctor(EngineChecks.All()).Run(output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(code == 0, output.ToString());
        foreach (var engine in new[] { "MuJoCo", "libtorch", "OpenCV", "Cyclone DDS", "EGL" })
        {
            Assert.Contains(lines, l => l.StartsWith("ok", StringComparison.Ordinal) && l.Contains(engine, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Reports_opencv_through_opencvsharp_with_its_version_and_video_io()
    {
        var output = new StringWriter();

        new EngineDoctor(EngineChecks.All()).Run(output);

        var line = output.ToString().Split('\n').Single(l => l.Contains("OpenCV", StringComparison.Ordinal));
        Assert.Matches(@"^ok\s+OpenCV\s+4\.13\.\d+\s+OpenCvSharp 4\.13\.0\.\d+; FFmpeg YES \(avcodec [0-9.]+\); V4L2 YES", line);
    }

    [Fact]
    public void Doctor_names_libgtk_3_0_when_the_opencv_runtime_cannot_load_gtk()
    {
        // A libgtk-3.so.0 that is not a library, found first: the loader fails on it as on a machine without GTK 3.
        var fake = Path.Combine(Path.GetTempPath(), "s2r-no-gtk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(fake);
        File.WriteAllBytes(Path.Combine(fake, "libgtk-3.so.0"), []);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "sim2real.dll"), "doctor"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["LD_LIBRARY_PATH"] = fake;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        var line = stdout.Split('\n').Single(l => l.Contains("OpenCV", StringComparison.Ordinal));
        Assert.Equal(1, process.ExitCode);
        Assert.StartsWith("MISSING  OpenCV", line, StringComparison.Ordinal);
        Assert.Contains("libgtk-3.so.0", line, StringComparison.Ordinal);
        Assert.EndsWith("install Debian package libgtk-3-0", line.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_engine_fails_with_the_package_to_install_not_a_stack_trace()
    {
        var absent = new NativeLibrarySpec("s2r_doctor_absent", "Absent", ["libs2r_doctor_absent.so.1"], "libabsent-dev");
        var checks = new[] { new EngineCheck(absent, () => { NativeLoader.Load(absent); return new EngineReport("Absent", "?", "?"); }) };
        var output = new StringWriter();

        var code = new EngineDoctor(checks).Run(output);

        Assert.Equal(1, code);
        Assert.Contains("MISSING", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("libabsent-dev", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Doctor_process_exits_nonzero_and_names_the_package_when_the_resolver_points_at_a_missing_name()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "sim2real.dll"), "doctor"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment[NativeLibraries.MuJoCo.OverrideVariable] = "libmujoco_missing_for_test.so.9";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("libmujoco-dev", stdout, StringComparison.Ordinal);
        Assert.Contains("libmujoco_missing_for_test.so.9", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }
}
