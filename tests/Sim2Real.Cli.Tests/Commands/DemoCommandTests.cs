using Sim2Real.Cli.Commands;

namespace Sim2Real.Cli.Tests.Commands;

public class DemoCommandTests
{
    [Fact]
    public void Every_demo_step_is_a_verb_the_cli_accepts_as_written()
    {
        // The main job runs these in process; a renamed verb or option must fail here, not on a user's first run.
        var root = CommandTable.Root(excluding: "demo");
        var (publish, echo) = DemoCommand.RosSteps("{data: [0.1, -0.2]}");

        var (deploy, presses) = DemoCommand.EStopSteps();
        var steps = DemoCommand.Steps("runs/demo", 6_000).Concat(DemoCommand.DeploySteps("runs/demo")).Concat(DemoCommand.ReplaySteps("runs/demo")).Select(s => s.Args)
            .Append(publish).Append(echo).Append(deploy).Concat(presses.Select(p => p.Args));
        foreach (var args in steps)
        {
            var parse = root.Parse(args);
            Assert.True(parse.Errors.Count == 0, $"./sim2real {string.Join(' ', args)}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
        }
    }

    [Fact]
    public void Demo_calibrates_on_images_that_exist_and_share_one_size()
    {
        var images = DemoCommand.Steps("runs/demo", 6_000).Single(s => s.Args[0] == "calibrate").Args;
        var glob = images[Array.IndexOf(images, "--images") + 1];

        // Shell semantics: '?' is exactly one character ('left??.jpg' must not take left.jpg, a different size).
        var pattern = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(Path.GetFileName(glob)).Replace("\\?", ".", StringComparison.Ordinal).Replace("\\*", ".*", StringComparison.Ordinal) + "$");
        var files = Directory.GetFiles(Path.GetDirectoryName(glob)!).Where(f => pattern.IsMatch(Path.GetFileName(f))).ToList();

        Assert.Equal(13, files.Count); // left01..left14 without left10
    }
}
