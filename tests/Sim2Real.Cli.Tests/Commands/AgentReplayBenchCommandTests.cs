using System.Diagnostics;
using System.Text.Json;

namespace Sim2Real.Cli.Tests.Commands;

public class AgentReplayBenchCommandTests
{
    [Fact]
    public void Replay_bench_prints_sampling_throughput_as_json()
    {
        var (code, stdout, stderr) = Run("agent", "replay-bench", "--capacity", "5000", "--steps", "1200", "--batch", "16", "--size", "16", "--seconds", "0.2", "--threads", "2", "--no-reference", "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var results = json.RootElement.GetProperty("results");
        Assert.Equal(["C#, 1 thread", "C#, 2 threads"], results.EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        var result = results[0];
        Assert.True(result.GetProperty("batches").GetInt64() > 0);
        Assert.Equal(16 * result.GetProperty("batches_per_s").GetDouble(), result.GetProperty("transitions_per_s").GetDouble(), 6);
    }

    [Fact]
    public void Replay_bench_refuses_more_steps_than_capacity_naming_steps()
    {
        var (code, _, stderr) = Run("agent", "replay-bench", "--capacity", "100", "--steps", "200", "--no-reference");

        Assert.Equal(1, code);
        Assert.Contains("--steps: must be 2 x --nstep (6) to --capacity (100), got 200", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--stack")]
    [InlineData("--nstep")]
    [InlineData("--size")]
    public void Replay_bench_with_a_zero_size_is_one_line_naming_the_flag(string flag)
    {
        var (code, _, stderr) = Run("agent", "replay-bench", flag, "0", "--no-reference");

        Assert.Equal(1, code);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"{flag}: must be 1 to", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_is_free_for_log_replay()
    {
        var (code, stdout, stderr) = Run("replay", "bench");

        // The benchmark lives under agent now; replay offers only the log replays.
        Assert.NotEqual(0, code);
        Assert.Contains("'bench'", stderr, StringComparison.Ordinal);
        Assert.Contains("policy <log>", stdout, StringComparison.Ordinal);
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sim2real.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
