using Sim2Real.Vision;

namespace Sim2Real.Vision.Tests;

public class OpenCvLoaderTests
{
    [Fact]
    public void OpenCvSharp_loads_opencv_4_13_with_ffmpeg_and_v4l2()
    {
        var (ffmpeg, v4l2) = OpenCvInfo.VideoIo();
        var report = OpenCvInfo.Report();

        Assert.StartsWith("4.13", OpenCvInfo.Version, StringComparison.Ordinal);
        Assert.StartsWith("4.13.0.", OpenCvInfo.BindingVersion, StringComparison.Ordinal);
        Assert.StartsWith("YES (avcodec ", ffmpeg, StringComparison.Ordinal);
        Assert.Equal("YES", v4l2);
        Assert.Equal(("OpenCV", OpenCvInfo.Version), (report.Engine, report.Version));
        Assert.Contains($"FFmpeg {ffmpeg}; V4L2 YES", report.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_runtime_that_cannot_load_gtk_is_reported_by_its_missing_library_not_by_the_candidates_tried()
    {
        var e = new DllNotFoundException(
            "Unable to load shared library 'OpenCvSharpExtern' or one of its dependencies. In order to help diagnose loading problems, consider using a tool like strace.\n"
            + "/app/runtimes/linux-x64/native/OpenCvSharpExtern.so: cannot open shared object file: No such file or directory\n"
            + "/app/runtimes/linux-x64/native/libOpenCvSharpExtern.so: libgtk-3.so.0: cannot open shared object file: No such file or directory\n"
            + "/usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.0/libOpenCvSharpExtern.so: cannot open shared object file: No such file or directory\n");

        var reason = OpenCvInfo.LoadFailure(e);

        Assert.EndsWith("does not load: /app/runtimes/linux-x64/native/libOpenCvSharpExtern.so: libgtk-3.so.0: cannot open shared object file: No such file or directory", reason, StringComparison.Ordinal);
        Assert.Equal("libgtk-3-0", OpenCvInfo.Library.DebianPackage);
    }
}
