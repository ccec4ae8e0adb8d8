using Sim2Real.Native;

namespace Sim2Real.Native.Tests;

public class NativeLoaderTests
{
    [Fact]
    public void Missing_library_names_the_package_and_every_candidate_tried()
    {
        var spec = new NativeLibrarySpec("s2r_test_absent", "Absent Engine", ["libs2r_absent.so.9", "libs2r_absent.so"], "libabsent-dev");

        var e = Assert.Throws<NativeLibraryMissingException>(() => NativeLoader.Load(spec));

        Assert.Contains("libabsent-dev", e.Message, StringComparison.Ordinal);
        Assert.Contains("Absent Engine", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, e.Attempts.Count);
        Assert.Contains("libs2r_absent.so.9", e.Attempts[0], StringComparison.Ordinal);
        Assert.DoesNotContain("In order to help", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Debian_versioned_soname_loads_without_the_dev_symlink()
    {
        // libddsc.so exists only with -dev installed; the runtime soname is what a robot has.
        var spec = NativeLibraries.CycloneDds with { Name = "ddsc_versioned_only", Candidates = ["libddsc.so.0debian"] };

        var handle = NativeLoader.Load(spec);

        Assert.NotEqual(IntPtr.Zero, handle);
        Assert.EndsWith("libddsc.so.0debian", NativeLoader.LoadedPath(spec), StringComparison.Ordinal);
    }

    [Fact]
    public void Project_built_layers_are_looked_for_next_to_the_assemblies()
    {
        var paths = NativeLoader.CandidatePaths(NativeLibraries.TorchShim).ToList();

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "libs2r_torch.so"), paths[0]);
        Assert.True(File.Exists(paths[0]), "dotnet build must copy the CMake outputs next to the assemblies");
    }

    [Fact]
    public void Override_variable_replaces_the_candidates()
    {
        var spec = new NativeLibrarySpec("s2r_override_probe", "Probe", ["libnever.so"], "libprobe-dev");
        Environment.SetEnvironmentVariable(spec.OverrideVariable, "/lib/x86_64-linux-gnu/libmujoco.so.2.2.2");
        try
        {
            Assert.Equal(["/lib/x86_64-linux-gnu/libmujoco.so.2.2.2"], NativeLoader.CandidatePaths(spec));
            Assert.NotEqual(IntPtr.Zero, NativeLoader.Load(spec));
        }
        finally
        {
            Environment.SetEnvironmentVariable(spec.OverrideVariable, null);
        }
    }
}
