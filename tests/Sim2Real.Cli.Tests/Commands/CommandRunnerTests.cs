using Sim2Real.Cli.Commands;
using Sim2Real.Core;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Cli.Tests.Commands;

public class CommandRunnerTests
{
    [Fact]
    public void An_expected_error_is_one_line_naming_the_verb_and_exit_1()
    {
        var stderr = new StringWriter();

        var code = CommandRunner.Report(new InvalidConfigException("robot.yaml", "joints", "the section is empty"), "sim2real sim play", stderr);

        Assert.Equal(CommandRunner.Failed, code);
        Assert.Equal("sim2real sim play: error: robot.yaml: joints: the section is empty", stderr.ToString().TrimEnd());
    }

    [Fact]
    public void A_libtorch_error_is_its_first_line_without_the_native_backtrace()
    {
        var stderr = new StringWriter();

        var code = CommandRunner.Report(new TorchException("[enforce fail at alloc_cpu.cpp:75] DefaultCPUAllocator: can't allocate memory\nframe #0: c10::ThrowEnforceNotMet"), "sim2real train", stderr);

        Assert.Equal(CommandRunner.Failed, code);
        Assert.Equal("sim2real train: error: [enforce fail at alloc_cpu.cpp:75] DefaultCPUAllocator: can't allocate memory", stderr.ToString().TrimEnd());
    }

    [Fact]
    public void An_unexpected_error_keeps_its_trace_and_says_it_is_a_bug()
    {
        var stderr = new StringWriter();
        Exception thrown;
        try
        {
            throw new NullReferenceException("deliberately");
        }
        catch (NullReferenceException e)
        {
            thrown = e;
        }

        var code = CommandRunner.Report(thrown, "sim2real train", stderr);

        Assert.Equal(CommandRunner.Bug, code);
        Assert.Contains("   at ", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("sim2real train: internal error: this is a bug in sim2real", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_guard_clause_reached_from_the_command_line_counts_as_a_bug_not_a_user_error()
    {
        Assert.False(ExpectedErrors.IsExpected(new ArgumentOutOfRangeException("count")));
        Assert.True(ExpectedErrors.IsExpected(new ArgumentException("--stack: must be at least 1")));
    }

    [Fact]
    public void An_error_inside_a_parallel_loop_is_reported_as_the_error_itself()
    {
        var inner = new InvalidDataException("obs.safetensors: obs[3] is NaN");

        Assert.Same(inner, ExpectedErrors.Unwrap(new AggregateException(new AggregateException(inner))));
    }

    [Fact]
    public void Ctrl_c_ends_quietly_with_130()
    {
        var stderr = new StringWriter();

        Assert.Equal(CommandRunner.Interrupted, CommandRunner.Report(new OperationCanceledException(), "sim2real topic echo", stderr));
        Assert.Empty(stderr.ToString());
    }

    [Fact]
    public void The_verb_named_in_an_error_is_the_one_typed()
    {
        var parse = CommandTable.Root().Parse(["sim", "play", "--robot", "arm6"]);

        Assert.Equal("sim2real sim play", CommandRunner.Verb(parse));
    }
}
