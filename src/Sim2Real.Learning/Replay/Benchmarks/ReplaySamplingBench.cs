using System.Diagnostics;
using Sim2Real.Learning.Replay;

namespace Sim2Real.Learning.Replay.Benchmarks;

/// <summary>
/// Fills a pixel replay buffer with episodes of frames, then times batch sampling into reused buffers, optionally
/// while an actor thread keeps adding steps (the concurrent producer and consumer of training).
/// </summary>
public static class ReplaySamplingBench
{
    public static ReplayBenchResult Run(ReplayBenchSettings settings, TextWriter log)
    {
        var options = new ReplayOptions
        {
            Capacity = settings.Capacity,
            FrameShape = [3, settings.Size, settings.Size],
            FrameStack = settings.Stack,
            ActionDim = settings.ActionDim,
            NStep = settings.NStep,
            Discount = 0.99,
            Seed = 1,
            SampleThreads = settings.Threads,
        };
        using var replay = ReplayBuffer<byte>.Create(options);
        var fill = Stopwatch.StartNew();
        var frame = new byte[options.FrameLength];
        var action = new float[settings.ActionDim];
        long step = 0;
        for (; step < settings.Steps; step++)
        {
            AddStep(replay, step, settings.EpisodeLength, frame, action);
        }

        log.WriteLine($"  filled {settings.Steps} steps of [3, {settings.Size}, {settings.Size}] in {fill.Elapsed.TotalSeconds:F2} s ({replay.FramesPath})");

        using var stop = new CancellationTokenSource();
        var producer = settings.WithProducer
            ? Task.Run(() =>
            {
                var localFrame = new byte[options.FrameLength];
                var s = step;
                while (!stop.IsCancellationRequested)
                {
                    AddStep(replay, s++, settings.EpisodeLength, localFrame, action);
                }
            })
            : Task.CompletedTask;

        var batch = new ReplayBatch<byte>(options, settings.Batch);
        for (var i = 0; i < 3; i++)
        {
            replay.Sample(batch);
        }

        long batches = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < settings.Seconds)
        {
            replay.Sample(batch);
            batches++;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var added = replay.StepsWritten - settings.Steps;
        stop.Cancel();
        producer.GetAwaiter().GetResult();
        var threads = settings.Threads == 1 ? "1 thread" : $"{settings.Threads} threads";
        var name = settings.WithProducer ? $"C#, {threads}, actor adding {added / seconds:F0} steps/s" : $"C#, {threads}";
        return new ReplayBenchResult(name, batches, seconds, settings.Batch, ResidentBytes());
    }

    /// <summary>Peak resident memory (VmHWM) of this process: the buffer maps capacity x frame bytes, but only touched pages count.</summary>
    private static long ResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("/proc/self/status has no VmHWM line");
    }

    private static void AddStep(ReplayBuffer<byte> replay, long step, int episodeLength, byte[] frame, float[] action)
    {
        Array.Fill(frame, (byte)step);
        if (step % (episodeLength + 1) == 0)
        {
            replay.StartEpisode(frame);
        }
        else
        {
            replay.Add(action, 1f, 1f, frame);
        }
    }
}
