namespace Sim2Real.Cli.Tests.Commands;

/// <summary>policy and train adapt: a missing file or a bad flag is one line naming the flag (or the file), never an option field.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class PolicyAndAdaptBadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-policy-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Info_on_a_missing_file_says_no_such_policy_file()
    {
        var missing = Path.Combine(_dir, "none.safetensors");

        var (code, _, stderr) = CliRunner.Run("policy", "info", missing);

        SimBadInputTests.AssertOneLine(code, stderr, missing, "no such policy file");
    }

    [Fact]
    public void Bundle_of_a_missing_checkpoint_names_checkpoint()
    {
        var missing = Path.Combine(_dir, "none.safetensors");

        var (code, _, stderr) = CliRunner.Run("policy", "bundle", "--checkpoint", missing, "--robot", "arm6", "--task", "reach", "--out", Path.Combine(_dir, "p.safetensors"));

        SimBadInputTests.AssertOneLine(code, stderr, "--checkpoint", "no such file: " + missing);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void Bundle_with_an_impossible_action_repeat_names_the_flag()
    {
        var (code, _, stderr) = CliRunner.Run("policy", "bundle", "--checkpoint", Path.Combine(_dir, "none.safetensors"), "--robot", "arm6", "--task", "reach",
            "--action-repeat", "0", "--out", Path.Combine(_dir, "p.safetensors"));

        SimBadInputTests.AssertOneLine(code, stderr, "command line: --action-repeat: ", "must be 1..100");
    }

    [Theory]
    [InlineData("--frames", "0", "command line: --frames: ", "must be positive")]
    [InlineData("--lr", "nan", "command line: --lr/--batch-size/--warmup/--threads: ", "must be positive")]
    [InlineData("--eval-episodes", "100000000", "command line: --eval-episodes: ", "must be 1 to 10000")]
    [InlineData("--batch-size", "100000000", "command line: --batch-size: ", "must be 1 to 65536")]
    [InlineData("--data-capacity", "2000000000", "command line: --data-capacity: ", "must be 1 to 10000000")]
    public void Adapt_names_the_flag_not_the_option_field(string flag, string value, string named, string problem)
    {
        var (code, _, stderr) = CliRunner.Run("train", "adapt", "--run-dir", _dir, flag, value);

        SimBadInputTests.AssertOneLine(code, stderr, named, problem);
        Assert.False(Directory.Exists(Path.Combine(_dir, "adapt")));
    }
}
