namespace Sim2Real.Cli.Tests.Commands;

/// <summary>Bad agent flags are one line naming the flag, before any file is read.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AgentBadInputTests
{
    [Theory]
    [InlineData("-1", "a stddev must be a finite number at least 0")]
    [InlineData("nan", "a stddev must be a finite number at least 0")]
    [InlineData("linear(1,0.1,-5)", "a duration must be a positive number of steps")]
    public void Update_refuses_a_negative_or_non_finite_stddev_naming_the_flag(string stddev, string problem)
    {
        var (code, _, stderr) = CliRunner.Run("agent", "update", "--checkpoint", "a.safetensors", "--batch", "b.safetensors", "--out", "c.safetensors", "--stddev", stddev);

        SimBadInputTests.AssertOneLine(code, stderr, "--stddev", problem);
    }

    [Fact]
    public void Act_with_more_threads_than_the_machine_can_run_is_refused()
    {
        var (code, _, stderr) = CliRunner.Run("agent", "act", "--checkpoint", "a.safetensors", "--obs", "o.safetensors", "--out", "c.safetensors", "--threads", "100000");

        SimBadInputTests.AssertOneLine(code, stderr, "--threads", "per core");
    }

    [Fact]
    public void An_unknown_device_names_the_device_flag()
    {
        var (code, _, stderr) = CliRunner.Run("agent", "act", "--checkpoint", "a.safetensors", "--obs", "o.safetensors", "--out", "c.safetensors", "--device", "tpu");

        SimBadInputTests.AssertOneLine(code, stderr, "--device", "tpu");
    }
}
