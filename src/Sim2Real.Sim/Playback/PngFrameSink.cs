using System.Globalization;
using Sim2Real.Sim.Rendering;

namespace Sim2Real.Sim.Playback;

/// <summary>Writes frames as numbered PNG files: <c>frame_000000.png</c>, ...</summary>
public sealed class PngFrameSink : IFrameSink
{
    private readonly string _directory;
    private readonly int _width;
    private readonly int _height;

    public PngFrameSink(string directory, int width, int height)
    {
        Directory.CreateDirectory(directory);
        _directory = directory;
        _width = width;
        _height = height;
    }

    public int Count { get; private set; }

    public void Write(ReadOnlySpan<byte> rgb)
    {
        var path = Path.Combine(_directory, string.Create(CultureInfo.InvariantCulture, $"frame_{Count:D6}.png"));
        PngWriter.WriteFile(path, _width, _height, rgb);
        Count++;
    }

    // Each frame is a complete file once written: nothing is buffered, nothing to flush or release.
    public void Complete()
    {
    }

    public void Dispose()
    {
    }
}
