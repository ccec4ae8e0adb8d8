using Sim2Real.Ros;

namespace Sim2Real.Ros.Tests;

public class CycloneLoaderTests
{
    [Fact]
    public void Cyclone_loads_from_the_debian_soname_and_answers()
    {
        Assert.Equal("0.10.2", CycloneInfo.Version);
        Assert.Equal("Success", CycloneInfo.RetcodeText(0));
        Assert.Contains("libddsc.so.0debian", CycloneInfo.Report().Detail, StringComparison.Ordinal);
    }
}
