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
