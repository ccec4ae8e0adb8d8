using System.Diagnostics;
using System.Globalization;
using Sim2Real.Core;
using Sim2Real.Learning;
using Sim2Real.Learning.Checkpoints;
using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Policies;
using Sim2Real.Robotics.Observations;
using Sim2Real.Robotics.Policies;
using Sim2Real.Learning.Tensors;
using Sim2Real.Cli.Commands;

namespace Sim2Real.Cli.Agent;

/// <summary>What the agent verbs do, apart from parsing their options.</summary>
internal static class AgentRunner
{
    /// <summary>
    /// Deterministic actions for each row of <c>obs</c>, through the one policy interface: a policy file acts as its
    /// manifest says; a weights-only agent checkpoint (the PyTorch cross-check's format) acts with its actor.
    /// Non-finite observations and actions are refused, naming the tensor, row and element.
    /// </summary>
    public static int Act(string checkpoint, string obsPath, string outPath, int threads, string deviceName, TextWriter log)
    {
        var device = Setup(threads, deviceName);

        // .NET's own "Could not find file" names the path but not which input it was meant to be.
        foreach (var (flag, path) in new[] { ("--checkpoint", checkpoint), ("--obs", obsPath) })
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new FileNotFoundException($"{flag}: no such file: {path}", path);
            }
        }

        float[] values;
        byte[]? pixels = null;
        long[] shape;
        using (var file = SafetensorsFile.Open(obsPath))
        {
            if (!file.TryGet("obs", out var entry))
            {
                throw new InvalidDataException($"{obsPath}: no tensor 'obs' (holds: {string.Join(", ", file.Tensors)})");
            }

            shape = [.. entry.Shape];
            if (shape.Length is not (2 or 4) || (shape.Length == 4 && entry.Dtype != SafetensorsDtype.U8) || (shape.Length == 2 && entry.Dtype != SafetensorsDtype.F32))
            {
                throw new InvalidDataException($"{obsPath}: obs must be uint8 [B,C,H,W] or float32 [B,D], got {entry.Dtype.HeaderName()} [{string.Join(", ", shape)}]");
            }

            values = shape.Length == 2 ? entry.ToSingles() : [];
            pixels = shape.Length == 4 ? entry.AsSpan<byte>().ToArray() : null;
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new InvalidDataException($"{obsPath}: obs[{i / shape[1]}][{i % shape[1]}] is {values[i]}; observations must be finite");
            }
        }

        using var policy = OpenPolicy(checkpoint, obsPath, shape[1..], device);
        var rows = (int)shape[0];
        var width = policy.ActionSpec.Size;
        var perRow = (int)(shape[1..].Aggregate(1L, (p, d) => p * d));
        var actions = new float[rows * width];
        for (var r = 0; r < rows; r++)
        {
            var observation = pixels is null
                ? new Observation(values.AsSpan(r * perRow, perRow).ToArray())
                : new Observation([], pixels.AsSpan(r * perRow, perRow).ToArray());
            try
            {
                policy.Act(observation, actions.AsSpan(r * width, width));
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{obsPath}: {e.Message}", e);
            }

            for (var k = 0; k < width; k++)
            {
                if (!float.IsFinite(actions[(r * width) + k]))
                {
                    throw new InvalidDataException($"{checkpoint}: action[{r}][{k}] is {actions[(r * width) + k]} for a finite observation: the policy's weights hold non-finite values; nothing written");
                }
            }
        }

        SafetensorsWriter.Write(outPath, [SafeTensor.Create<float>("action", [rows, width], actions)]);
        log.WriteLine($"wrote {outPath}: action [{rows}, {width}] for {rows} observations");
        return 0;
    }

    private static IPolicy OpenPolicy(string checkpoint, string obsPath, long[] obsShape, Device device)
    {
        using (var probe = SafetensorsFile.Open(checkpoint))
        {
            if (probe.Metadata.ContainsKey(PolicyManifest.MetadataKey))
            {
                return PolicyFile.Load(checkpoint, device).Policy;
            }
        }

        // A state checkpoint says its width itself: read it from the weights, so a mismatch blames the obs file that
        // disagrees rather than the checkpoint that was forced to its width.
        var agent = AgentCheckpoint.Load(checkpoint, obsShape: obsShape.Length == 1 ? null : obsShape, device: device);
        if (obsShape.Length == 1 && !agent.ObsShape.SequenceEqual(obsShape))
        {
            var taken = string.Join(", ", agent.ObsShape);
            agent.Dispose();
            throw new InvalidDataException($"{obsPath}: obs rows have {obsShape[0]} values, the checkpoint {checkpoint} takes [{taken}]");
        }

        return new OwnedAgentPolicy(agent, checkpoint);
    }

    public static int Update(UpdateRequest request, int threads, string deviceName, TextWriter log)
    {
        FlagBounds.Count(request.Updates, "--updates", 1_000_000, "an update takes tens of milliseconds");
        if (request.Step < 0)
        {
            throw new InvalidConfigException("command line", "--step", $"must be 0 or more (the agent step the stddev schedule is read at), got {request.Step}");
        }

        var device = Setup(threads, deviceName);
        StddevSchedule schedule;
        try
        {
            schedule = StddevSchedule.Parse(request.Stddev);
        }
        catch (FormatException e)
        {
            throw new InvalidConfigException("command line", "--stddev", e.Message, e);
        }

        using var scope = TensorScope.Begin();
        var batch = BatchFile.Load(request.Batch, device);
        var config = new DrQV2Config { StddevSchedule = schedule.Text, ShiftPad = request.Augment ? 4 : 0 };
        using var agent = AgentCheckpoint.Load(request.Checkpoint, config, batch.Obs.Shape[1..], device);
        if (batch.Action.Size(1) != agent.ActionDim)
        {
            throw new InvalidDataException($"{request.Batch}: action [{string.Join(", ", batch.Action.Shape)}] has {batch.Action.Size(1)} dims, the checkpoint's actor {agent.ActionDim}");
        }

        if (request.Seed is { } seed)
        {
            Torch.ManualSeed(seed);
        }

        for (var k = 0; k < request.Updates; k++)
        {
            var m = agent.Update(batch, request.Step);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"update {k + 1}/{request.Updates}: critic_loss {m.Critic.CriticLoss:G9} actor_loss {m.Actor.ActorLoss:G9} critic_q1 {m.Critic.Q1:G6} target_q {m.Critic.TargetQ:G6}"));
            if (!double.IsFinite(m.Critic.CriticLoss) || !double.IsFinite(m.Actor.ActorLoss))
            {
                throw new InvalidDataException($"{request.Batch}: non-finite loss at update {k + 1}; {request.Out} not written");
            }
        }

        AgentCheckpoint.Save(agent, request.Out, request.WithOptimizer);
        log.WriteLine($"wrote {request.Out}");
        return 0;
    }

    public static int Bench(int batchSize, int updates, int acts, string? saveInputs, int threads, string deviceName, TextWriter log)
    {
        FlagBounds.Count(batchSize, "--batch-size", 4096, "a pixel batch of 4096 is about a gigabyte");
        FlagBounds.Count(updates, "--updates", 100_000, "timed updates");
        FlagBounds.Count(acts, "--acts", 1_000_000, "timed act calls");
        var device = Setup(threads, deviceName);
        Torch.ManualSeed(0);
        using var agent = new DrQV2Agent(new DrQV2Config { StddevSchedule = "0.2" }, [9, 84, 84], 6, device);
        using var scope = TensorScope.Begin();
        var batch = new TransitionBatch(
            Tensor.RandInt(0, 256, [batchSize, 9, 84, 84], DType.UInt8), Tensor.Empty([batchSize, 6]).Uniform_(-1, 1),
            Tensor.RandN([batchSize, 1]), Tensor.Full([batchSize, 1], Math.Pow(0.99, 3)), Tensor.RandInt(0, 256, [batchSize, 9, 84, 84], DType.UInt8));
        if (saveInputs is not null)
        {
            if (File.Exists(saveInputs))
            {
                throw new InvalidConfigException("command line", "--save-inputs", $"{saveInputs} is a file; give a folder to write agent.safetensors and batch.safetensors into");
            }

            Directory.CreateDirectory(saveInputs);
            AgentCheckpoint.Save(agent, Path.Combine(saveInputs, "agent.safetensors"));
            BatchFile.Save(Path.Combine(saveInputs, "batch.safetensors"), batch);
        }

        log.WriteLine($"libtorch {TorchInfo.Version}, {TorchInfo.Threads} threads, device {device}, {TorchInfo.Report().Detail}");
        agent.Update(batch, 0);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var updateMs = Time(updates, () => agent.Update(batch, 0));
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / updates;
        log.WriteLine(Summary($"c# update ms (B={batchSize})", updateMs) + string.Create(CultureInfo.InvariantCulture, $" cpu-ms/update {cpuMs:F0}"));

        // Acting is timed as deploy acts (rates.inference_threads, 1 by default): one libtorch and one BLAS thread.
        TorchInfo.SetAllThreads(1);

        var one = batch.Obs.Slice(0, 0, 1);
        agent.Act(one, 0, evalMode: true).Dispose();
        cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var actMs = Time(acts, () => agent.Act(one, 0, evalMode: true).Dispose());
        var actCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / acts;
        log.WriteLine(Summary("c# act ms (B=1, pixels, 1 thread)", actMs) + string.Create(CultureInfo.InvariantCulture, $" p99 {Percentile(actMs, 0.99):F2} cpu-ms/act {actCpuMs:F1}"));
        return 0;
    }

    private static Device Setup(int threads, string deviceName)
    {
        TorchInfo.Threads = FlagBounds.Threads(threads);
        Device device;
        try
        {
            device = Device.Parse(deviceName);
        }
        catch (FormatException e)
        {
            throw new InvalidConfigException("command line", "--device", e.Message, e);
        }

        if (device.Type == DeviceType.Cuda && !TorchInfo.CudaAvailable)
        {
            throw new InvalidConfigException("command line", "--device", $"{deviceName}: this libtorch has no CUDA device (build against a CUDA libtorch with SIM2REAL_TORCH_CMAKE_DIR)");
        }

        return device;
    }

    private static double[] Time(int n, Action body)
    {
        var ms = new double[n];
        for (var i = 0; i < n; i++)
        {
            var start = Stopwatch.GetTimestamp();
            body();
            ms[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return ms;
    }

    private static double Percentile(double[] values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(q * sorted.Length))];
    }

    private static string Summary(string label, double[] ms) =>
        string.Create(CultureInfo.InvariantCulture, $"{label}: mean {ms.Average():F1} p50 {Percentile(ms, 0.5):F2} min {ms.Min():F2}");
}
