using System.Diagnostics;
using System.Globalization;

namespace Sim2Real.Sim.Playback;

/// <summary>
/// Encodes frames to an H.264 MP4 by piping raw RGB into an ffmpeg process. ffmpeg's stderr is kept so a failure
/// says why; a missing ffmpeg is reported before any frame is rendered.
/// </summary>
public sealed class FfmpegVideoSink : IFrameSink
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly Task<string> _errors;
    private readonly string _output;
    private bool _completed;

    public FfmpegVideoSink(string output, int width, int height, double framesPerSecond)
        : this(output, width, height, framesPerSecond, Environment.GetEnvironmentVariable("PATH") ?? "")
    {
    }

    /// <param name="searchPath">Folders to look for ffmpeg in, separated like PATH.</param>
    internal FfmpegVideoSink(string output, int width, int height, double framesPerSecond, string searchPath)
    {
        _output = output;
        var ffmpeg = Find(searchPath) ?? throw new FfmpegNotFoundException(output);
        var start = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-hide_banner", "-loglevel", "error", "-y",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", $"{width}x{height}",
            "-r", framesPerSecond.ToString("0.###", CultureInfo.InvariantCulture), "-i", "-",
            "-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", "veryfast", "-crf", "20",
            "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", output,
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"{output}: could not start {ffmpeg}");
        _input = _process.StandardInput.BaseStream;
        _errors = _process.StandardError.ReadToEndAsync();
        _ = _process.StandardOutput.ReadToEndAsync();
    }

    public void Write(ReadOnlySpan<byte> rgb)
    {
        try
        {
            _input.Write(rgb);
        }
        catch (IOException e)
        {
            _process.WaitForExit();
            throw new IOException($"{_output}: ffmpeg stopped taking frames: {_errors.Result.Trim()}", e);
        }
    }

    public void Complete()
    {
        _completed = true;
        _input.Dispose();
        _process.WaitForExit();
        if (_process.ExitCode != 0)
        {
            throw new IOException($"{_output}: ffmpeg exited with {_process.ExitCode}: {_errors.Result.Trim()}");
        }
    }

    public void Dispose()
    {
        if (!_completed && !_process.HasExited)
        {
            _input.Dispose();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static string? Find(string path)
    {
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "ffmpeg"))
            .FirstOrDefault(File.Exists);
    }
}
