using System.Reflection;
using System.Text.RegularExpressions;
using OpenCvSharp;
using Sim2Real.Native;

namespace Sim2Real.Vision;

/// <summary>Identity of the loaded OpenCV: OpenCvSharp's runtime (libOpenCvSharpExtern.so, OpenCV 4.13 inside).</summary>
public static partial class OpenCvInfo
{
    /// <summary>What doctor names: the runtime library and the Debian package its one missing dependency comes from.</summary>
    public static NativeLibrarySpec Library { get; } = new("OpenCvSharpExtern", "OpenCV", ["libOpenCvSharpExtern.so"], "libgtk-3-0");

    /// <summary>cv::getVersionString() of the library loaded at run time.</summary>
    /// <exception cref="OpenCvException">The runtime library does not load; names the missing library and the package.</exception>
    public static string Version => Loaded(() => Cv2.GetVersionString() ?? "?");

    /// <summary>cv::getBuildInformation(): modules, codecs and video I/O the runtime was built with.</summary>
    public static string BuildInformation => Loaded(Cv2.GetBuildInformation);

    /// <summary>The OpenCvSharp package version (the managed binding), e.g. 4.13.0.20260627.</summary>
    /// <remarks>Only the informational version carries it; the build appends "-beta+commit", which the package's own version does not have.</remarks>
    public static string BindingVersion =>
        typeof(Cv2).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('-', '+')[0] ?? "?";

    /// <summary>The "Video I/O" lines for FFmpeg and V4L2, e.g. "FFMPEG: YES (avcodec 61.19.101)" and "v4l/v4l2: YES".</summary>
    public static (string Ffmpeg, string V4L2) VideoIo()
    {
        var info = BuildInformation;
        var ffmpeg = FfmpegLine().Match(info) is { Success: true } f ? f.Groups[1].Value : "not listed";
        var avcodec = AvcodecLine().Match(info) is { Success: true } a ? $" (avcodec {a.Groups[1].Value})" : "";
        var v4l2 = V4L2Line().Match(info) is { Success: true } v ? v.Groups[1].Value.Split(' ')[0] : "not listed";
        return (ffmpeg + avcodec, v4l2);
    }

    /// <exception cref="OpenCvException">The runtime library does not load.</exception>
    public static void EnsureLoaded() => _ = Version;

    /// <summary>Doctor's line: version, binding and what video it can read.</summary>
    /// <exception cref="DllNotFoundException">The runtime or one of its dependencies (libgtk-3.so.0) is missing.</exception>
    public static EngineReport Report()
    {
        try
        {
            var version = Cv2.GetVersionString() ?? "?";
            var (ffmpeg, v4l2) = VideoIo();
            return new EngineReport("OpenCV", version, $"OpenCvSharp {BindingVersion}; FFmpeg {ffmpeg}; V4L2 {v4l2}");
        }
        catch (TypeInitializationException e) when (e.InnerException is DllNotFoundException missing)
        {
            throw new DllNotFoundException(LoadFailure(missing), missing);
        }
    }

    private static string Loaded(Func<string> call)
    {
        try
        {
            return call();
        }
        catch (TypeInitializationException e) when (e.InnerException is DllNotFoundException missing)
        {
            throw new OpenCvException($"{LoadFailure(missing)}; install Debian package {Library.DebianPackage} (scripts/setup), then see ./sim2real doctor", missing);
        }
    }

    /// <summary>
    /// The dynamic loader's reason, from .NET's list of every candidate path tried: the line about a dependency
    /// (libgtk-3.so.0 on a machine without libgtk-3-0), not the candidates that simply are not there.
    /// </summary>
    internal static string LoadFailure(DllNotFoundException e)
    {
        var reasons = e.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.Contains(".so", StringComparison.Ordinal) && !IsAbsentCandidate(l))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return reasons.Count > 0
            ? $"libOpenCvSharpExtern.so (OpenCvSharp {BindingVersion}) does not load: {string.Join("; ", reasons)}"
            : $"libOpenCvSharpExtern.so (OpenCvSharp {BindingVersion}) is not next to the assemblies (runtimes/linux-x64/native): restore the OpenCvSharp4.official.runtime.linux-x64 package";
    }

    // "<path>OpenCvSharpExtern[.so]: cannot open shared object file: No such file or directory": a path that is not there.
    private static bool IsAbsentCandidate(string line)
    {
        var parts = line.Split(": ");
        return parts.Length == 3 && parts[0].Contains("OpenCvSharpExtern", StringComparison.Ordinal) && parts[1] == "cannot open shared object file";
    }

    [GeneratedRegex(@"^\s*FFMPEG:\s*(\S+)", RegexOptions.Multiline)]
    private static partial Regex FfmpegLine();

    [GeneratedRegex(@"^\s*avcodec:\s*\S+\s*\(([^)]+)\)", RegexOptions.Multiline)]
    private static partial Regex AvcodecLine();

    [GeneratedRegex(@"^\s*v4l/v4l2:\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex V4L2Line();
}
