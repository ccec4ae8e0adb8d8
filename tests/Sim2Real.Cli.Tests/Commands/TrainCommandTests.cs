namespace Sim2Real.Cli.Tests.Commands;

[Collection(ConsoleCollection.Name)]
public sealed class TrainCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-train-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Plot_redraws_the_learning_curve_from_eval_csv()
    {
        File.WriteAllLines(Path.Combine(_dir, "eval.csv"),
            ["frame,step,mean_return,success_rate,episodes,cpu_s,wall_s", "100,50,-20,0,20,0.5,0.6", "10000,5000,40,0.6,20,61,70"]);

        var (code, stdout, stderr) = CliRunner.Run("train", "plot", "--run-dir", _dir);

        Assert.True(code == 0, stderr);
        Assert.Contains("2 evaluations drawn", stdout, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(_dir, "learning_curve.png")).Length > 1000);
    }

    [Fact]
    public void Plot_of_a_folder_without_evaluations_fails_naming_eval_csv()
    {
        var (code, _, stderr) = CliRunner.Run("train", "plot", "--run-dir", _dir);

        Assert.Equal(1, code);
        Assert.Contains(Path.Combine(_dir, "eval.csv"), stderr, StringComparison.Ordinal);
    }
}
