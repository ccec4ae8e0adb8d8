using Sim2Real.Sim;
using Sim2Real.Sim.Rendering;

namespace Sim2Real.Sim.Tests;

public class EngineLoaderTests
{
    [Fact]
    public void MuJoCo_loads_and_reports_the_version_the_bindings_were_written_for()
    {
        Assert.Equal(MuJoCoInfo.ExpectedVersion, MuJoCoInfo.Version);
        Assert.StartsWith("2.2.2", MuJoCoInfo.Report().Version, StringComparison.Ordinal);
    }

    [Fact]
    public void Egl_gives_a_headless_context_with_a_renderer_string()
    {
        var report = EglInfo.Report();

        Assert.StartsWith("1.", report.Version, StringComparison.Ordinal);
        Assert.Contains("renderer: ", report.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown", report.Detail, StringComparison.Ordinal);
    }
}
