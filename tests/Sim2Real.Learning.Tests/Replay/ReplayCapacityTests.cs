using System.Globalization;
using Sim2Real.Learning.Replay;

namespace Sim2Real.Learning.Tests.Replay;

public class ReplayCapacityTests
{
    [Fact]
    public void A_million_step_pixel_buffer_costs_only_the_memory_of_what_was_written()
    {
        var options = new ReplayOptions { Capacity = 1_000_000, FrameShape = [3, 84, 84], FrameStack = 3, ActionDim = 6, NStep = 3 };
        using var replay = ReplayBuffer<byte>.Create(options);
        var frame = new byte[options.FrameLength];
        const int written = 1500;
        for (var g = 0; g < written; g++)
        {
            Array.Fill(frame, (byte)g);
            if (g % 500 == 0)
            {
                replay.StartEpisode(frame);
            }
            else
            {
                replay.Add(new float[6], 1f, 1f, frame);
            }
        }

        replay.Sample(new ReplayBatch<byte>(options, 256));
        var (size, rss) = Mapping(replay.FramesPath);

        // 21 GB of address space for 1M frames of 3x84x84, of which only the 1500 written frames (32 MB) are resident.
        Assert.Equal(1_000_000L * 3 * 84 * 84, new FileInfo(replay.FramesPath).Length);
        Assert.True(size >= 1_000_000L * 3 * 84 * 84, $"mapping is {size} bytes");
        Assert.True(rss <= (written * options.FrameLength) + (1 << 20), $"{rss} bytes of the frames mapping are resident after writing {written} frames");
    }

    /// <summary>Size and resident bytes of this process's mapping of <paramref name="path"/>, from /proc/self/smaps.</summary>
    private static (long Size, long Rss) Mapping(string path)
    {
        long size = 0, rss = 0;
        var inMapping = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            if (char.IsAsciiHexDigit(line[0]) && line.Contains(' ', StringComparison.Ordinal) && line.Contains('-', StringComparison.Ordinal) && !line.EndsWith(" kB", StringComparison.Ordinal))
            {
                inMapping = line.EndsWith(path, StringComparison.Ordinal);
            }
            else if (inMapping && line.StartsWith("Size:", StringComparison.Ordinal))
            {
                size += Kilobytes(line);
            }
            else if (inMapping && line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                rss += Kilobytes(line);
            }
        }

        Assert.True(size > 0, $"no mapping of {path} in /proc/self/smaps");
        return (size, rss);
    }

    private static long Kilobytes(string line)
        => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}
