using Microsoft.Extensions.Time.Testing;
using Sim2Real.Cli.ConsoleDisplay;

namespace Sim2Real.Cli.Tests.ConsoleDisplay;

public sealed class LiveProgressTests
{
    [Fact]
    public void Output_that_is_not_the_terminal_gets_the_works_own_log_and_plain_lines()
    {
        var output = new StringWriter();

        var answer = LiveProgress.Run(output, "work", line =>
        {
            Assert.Same(output, line.Log);
            line.Log.WriteLine("eval at frame 100");
            line.Update(0.5, "half way", "frames 50/100");
            return 42;
        });

        Assert.Equal(42, answer);
        Assert.Equal("eval at frame 100\nframes 50/100\n", output.ToString().ReplaceLineEndings("\n"));
        Assert.DoesNotContain('\u001b', output.ToString());
        Assert.False(Terminal.IsInteractive(output));
    }

    [Fact]
    public void Status_work_on_output_that_is_not_the_terminal_writes_only_what_the_work_writes()
    {
        var output = new StringWriter();

        var result = LiveProgress.Status(output, "measuring", log =>
        {
            log.WriteLine("{\"steps_per_second\":1}");
            return 0;
        });

        Assert.Equal(0, result);
        Assert.Equal("{\"steps_per_second\":1}\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Async_status_work_is_told_whether_the_display_is_live()
    {
        var output = new StringWriter();

        var live = await LiveProgress.StatusAsync(output, "deploy", (writer, isLive) =>
        {
            Assert.Same(output, writer);
            return Task.FromResult(isLive);
        });

        Assert.False(live);
    }

    [Fact]
    public void Plain_progress_prints_a_line_at_most_once_per_interval_in_virtual_time()
    {
        var output = new StringWriter();
        var time = new FakeTimeProvider();
        var line = new PlainProgressLine(output, TimeSpan.FromSeconds(30), time);

        line.Update(0.1, "s", "first");
        time.Advance(TimeSpan.FromSeconds(29));
        line.Update(0.2, "s", "too soon");
        time.Advance(TimeSpan.FromSeconds(1));
        line.Update(0.3, "s", "second");
        line.Update(0.4, "s", null);

        Assert.Equal("first\nsecond\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_reporter_hands_each_report_to_the_line_on_the_reporting_thread()
    {
        var output = new StringWriter();
        var reporter = new ProgressReporter<int>(new PlainProgressLine(output, TimeSpan.Zero, new FakeTimeProvider()), n => (n / 10.0, $"{n}", $"at {n}"));

        reporter.Report(3);
        reporter.Report(7);

        Assert.Equal("at 3\nat 7\n", output.ToString().ReplaceLineEndings("\n"));
    }
}
