using Sim2Real.Core;
using Sim2Real.Learning.Replay;

namespace Sim2Real.Learning.Tests.Replay;

public class ReplayResumeTests
{
    private static ReplayOptions Options(string directory) => new()
    {
        Capacity = 32,
        FrameShape = [3, 2, 2],
        FrameStack = 3,
        ActionDim = 2,
        NStep = 3,
        Discount = 0.99,
        Seed = 5,
        Directory = directory,
    };

    [Fact]
    public void Reopening_at_a_saved_state_resumes_the_exact_same_samples_and_adds()
    {
        using var dir = new TempDirectory();
        List<ReplaySamplingTests.Item> expected;
        string saved;
        using (var replay = ReplayBuffer<byte>.Create(Options(dir.Path)))
        {
            Fill(replay, 0, 50);
            ReplaySamplingTests.Draw(replay, 20);
            saved = replay.CaptureState().ToJson();
            Fill(replay, 50, 20);
            expected = ReplaySamplingTests.Draw(replay, 40);
        }

        // The continued run above overwrote slots after the save; a resume must redo those steps, as training does.
        using var resumed = ReplayBuffer<byte>.Open(Options(dir.Path), ReplayState.FromJson(saved, "state.json"));
        Assert.Equal(50, resumed.StepsWritten);
        Fill(resumed, 50, 20);

        Assert.Equal(expected, ReplaySamplingTests.Draw(resumed, 40));
    }

    [Fact]
    public void Steps_overwritten_after_the_save_are_never_sampled_from_a_resumed_buffer()
    {
        using var dir = new TempDirectory();
        string saved;
        using (var replay = ReplayBuffer<byte>.Create(Options(dir.Path)))
        {
            Fill(replay, 0, 40);
            saved = replay.CaptureState().ToJson();
            Fill(replay, 40, 10);
        }

        using var resumed = ReplayBuffer<byte>.Open(Options(dir.Path), ReplayState.FromJson(saved, "state.json"));

        // The state says steps 8..39 are held, but slots of 8..17 now hold 40..49 (written after the save).
        Assert.All(ReplaySamplingTests.Draw(resumed, 300), item => Assert.InRange(item.Obs[0], 18, 39));
    }

    [Fact]
    public void Resuming_with_other_options_fails_naming_the_field()
    {
        using var dir = new TempDirectory();
        ReplayState state;
        using (var replay = ReplayBuffer<byte>.Create(Options(dir.Path)))
        {
            Fill(replay, 0, 10);
            state = replay.CaptureState();
        }

        var error = Assert.Throws<InvalidConfigException>(() => ReplayBuffer<byte>.Open(Options(dir.Path) with { Capacity = 64 }, state));
        Assert.Equal("capacity", error.Field);
    }

    [Fact]
    public void Resuming_over_storage_files_of_another_size_fails_naming_the_file()
    {
        using var dir = new TempDirectory();
        ReplayState state;
        using (var replay = ReplayBuffer<byte>.Create(Options(dir.Path)))
        {
            Fill(replay, 0, 10);
            state = replay.CaptureState();
        }

        using (var steps = new FileStream(Path.Combine(dir.Path, "steps.bin"), FileMode.Open))
        {
            steps.SetLength(100);
        }

        var error = Assert.Throws<InvalidConfigException>(() => ReplayBuffer<byte>.Open(Options(dir.Path), state));
        Assert.Contains("steps.bin: 100 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_buffer_on_the_same_folder_is_refused_while_the_first_is_open()
    {
        using var dir = new TempDirectory();
        using (var first = ReplayBuffer<byte>.Create(Options(dir.Path)))
        {
            var error = Assert.Throws<IOException>(() => ReplayBuffer<byte>.Create(Options(dir.Path)));
            Assert.Contains("in use by another buffer", error.Message, StringComparison.Ordinal);
        }

        using var again = ReplayBuffer<byte>.Create(Options(dir.Path));
        Assert.Equal(0, again.StepsWritten);
    }

    [Fact]
    public void Malformed_state_text_fails_naming_the_source()
    {
        var error = Assert.Throws<InvalidConfigException>(() => ReplayState.FromJson("{\"capacity\": \"many\"}", "run/replay_state.json"));
        Assert.Equal("run/replay_state.json", error.Origin);
    }

    /// <summary>Episodes of 7 transitions; frame byte = step + 10 (wrapping), reward = step.</summary>
    private static void Fill(ReplayBuffer<byte> replay, long from, int count)
    {
        for (var g = from; g < from + count; g++)
        {
            var frame = Enumerable.Repeat((byte)(g + 10), 12).ToArray();
            if (g % 8 == 0)
            {
                replay.StartEpisode(frame);
            }
            else
            {
                replay.Add([g, 0], g, 1, frame);
            }
        }
    }
}
