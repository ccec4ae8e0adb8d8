namespace Sim2Real.Vision.Tests;

/// <summary>Inputs the tests share: OpenCV's own sample chessboards (Debian's opencv-doc) and the Python reference.</summary>
internal static class TestData
{
    public const string OpenCvSamples = "/usr/share/doc/opencv-doc/examples/data";

    /// <summary>left01..left14 (left10 is not shipped): 640x480, 9x6 inner corners.</summary>
    public static string[] LeftChessboards() =>
        Directory.GetFiles(OpenCvSamples, "left*.jpg")
            .Where(p => System.Text.RegularExpressions.Regex.IsMatch(Path.GetFileName(p), @"^left\d\d\.jpg$"))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static string Reference(string script) => Path.Combine(AppContext.BaseDirectory, "Reference", script);

    /// <summary>A file of Fixtures/ (see its README for how each was made).</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string TempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "s2r-vision-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
