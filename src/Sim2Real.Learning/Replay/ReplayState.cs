using System.Text.Json;
using System.Text.Json.Serialization;
using Sim2Real.Core;

namespace Sim2Real.Learning.Replay;

/// <summary>
/// Where a replay buffer stands: how many steps it has written, the open episode, the sampler's RNG words and
/// the options it was built with. Together with its storage folder this resumes sampling exactly.
/// </summary>
public sealed record ReplayState
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public required int Capacity { get; init; }

    public required IReadOnlyList<int> FrameShape { get; init; }

    public required int FrameStack { get; init; }

    public required int ActionDim { get; init; }

    public required int NStep { get; init; }

    public required double Discount { get; init; }

    public required long StepsWritten { get; init; }

    /// <summary>First step of the episode being written, or -1 when none is open.</summary>
    public required long EpisodeStart { get; init; }

    public required IReadOnlyList<ulong> Random { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <exception cref="InvalidConfigException">The text is not a replay state; names <paramref name="source"/>.</exception>
    public static ReplayState FromJson(string json, string source)
    {
        ReplayState? state;
        try
        {
            state = JsonSerializer.Deserialize<ReplayState>(json, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidConfigException(source, e.Path ?? "replay state", $"malformed replay state: {e.Message}", e);
        }

        if (state is null)
        {
            throw new InvalidConfigException(source, "replay state", "is null");
        }

        if (state.StepsWritten < 0)
        {
            throw new InvalidConfigException(source, "steps_written", $"must not be negative, got {state.StepsWritten}");
        }

        if (state.EpisodeStart < -1 || state.EpisodeStart >= Math.Max(1, state.StepsWritten) && state.EpisodeStart != -1)
        {
            throw new InvalidConfigException(source, "episode_start", $"{state.EpisodeStart} is not a written step (steps_written {state.StepsWritten})");
        }

        if (state.Random is null || state.Random.Count != 4)
        {
            throw new InvalidConfigException(source, "random", "must hold the 4 words of the xoshiro256** state");
        }

        return state;
    }

    /// <summary>Fails unless <paramref name="options"/> describe the buffer this state was taken from.</summary>
    internal void RequireMatches(ReplayOptions options, string source)
    {
        if (options.Capacity != Capacity)
        {
            throw new InvalidConfigException(source, "capacity", $"state was saved with {Capacity}, options say {options.Capacity}");
        }

        if (!options.FrameShape.SequenceEqual(FrameShape))
        {
            throw new InvalidConfigException(source, "frame_shape", $"state was saved with [{string.Join(", ", FrameShape)}], options say [{string.Join(", ", options.FrameShape)}]");
        }

        if (options.FrameStack != FrameStack || options.ActionDim != ActionDim || options.NStep != NStep || options.Discount != Discount)
        {
            throw new InvalidConfigException(source, "frame_stack/action_dim/nstep/discount",
                $"state was saved with {FrameStack}/{ActionDim}/{NStep}/{Discount}, options say {options.FrameStack}/{options.ActionDim}/{options.NStep}/{options.Discount}");
        }
    }
}
