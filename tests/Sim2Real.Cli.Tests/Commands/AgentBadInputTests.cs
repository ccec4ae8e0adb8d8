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
    public void Update_at_a_negative_step_names_step_before_reading_any_file()
    {
        var (code, _, stderr) = CliRunner.Run("agent", "update", "--checkpoint", "a.safetensors", "--batch", "b.safetensors", "--out", "c.safetensors", "--step", "-1");

        SimBadInputTests.AssertOneLine(code, stderr, "--step", "must be 0 or more");
    }

    [Fact]
    public void Bench_saving_its_inputs_into_a_plain_file_names_save_inputs()
    {
        var file = Path.GetTempFileName();
        try
        {
            var (code, _, stderr) = CliRunner.Run("agent", "bench", "--save-inputs", file, "--batch-size", "2", "--updates", "1", "--acts", "1");

            SimBadInputTests.AssertOneLine(code, stderr, "--save-inputs", "is a file; give a folder");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void An_unknown_device_names_the_device_flag()
    {
        var (code, _, stderr) = CliRunner.Run("agent", "act", "--checkpoint", "a.safetensors", "--obs", "o.safetensors", "--out", "c.safetensors", "--device", "tpu");

        SimBadInputTests.AssertOneLine(code, stderr, "--device", "tpu");
    }
}
