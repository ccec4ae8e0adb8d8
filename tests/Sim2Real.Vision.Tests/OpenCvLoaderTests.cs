using Sim2Real.Vision;

namespace Sim2Real.Vision.Tests;

public class OpenCvLoaderTests
{
    [Fact]
    public void OpenCV_layer_loads_and_runtime_matches_headers()
    {
        Assert.StartsWith("4.6", OpenCvInfo.Version, StringComparison.Ordinal);
        Assert.Equal(OpenCvInfo.HeaderVersion, OpenCvInfo.Version);
    }
}
