using System.Diagnostics;
using Sim2Real.Sim.Environments;
using Sim2Real.Sim.Playback;
using Sim2Real.Sim.Rendering;
using Sim2Real.Vision.Video;

namespace Sim2Real.Sim.Tests.Playback;

public sealed class EpisodePlayerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-play-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Playing_a_reach_episode_writes_one_png_per_agent_step_plus_the_reset_frame()
    {
        var frames = Path.Combine(_dir, "frames");
        using var sink = new ImageFolderWriter(frames, 64, 48);

        var episodes = EpisodePlayer.Play(
            new EnvironmentOptions { Robot = "arm6", Task = "reach" },
            new PlayOptions { Episodes = 1, Policy = PlayPolicy.Zero, Width = 64, Height = 48, Quality = RenderQuality.Fast },
            sink);

        Assert.Single(episodes);
        Assert.Equal(50, episodes[0].AgentSteps);
        Assert.Equal(51, Directory.GetFiles(frames, ImageFolderWriter.Pattern).Length);
        var png = File.ReadAllBytes(Path.Combine(frames, "frame_000050.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }

    [Fact]
    public void Playing_into_an_mp4_gives_a_video_ffprobe_counts_every_frame_of()
    {
        var video = Path.Combine(_dir, "reach.mp4");
        using (var sink = VideoFileWriter.Create(video, 96, 64, 25))
        {
            EpisodePlayer.Play(
                new EnvironmentOptions { Robot = "arm6", Task = "reach", Randomize = true },
                new PlayOptions { Episodes = 1, Width = 96, Height = 64, Quality = RenderQuality.Fast },
                sink);
        }

        var probe = Process.Start(new ProcessStartInfo("ffprobe", ["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames,width,height", "-of", "csv=p=0", video])
        {
            RedirectStandardOutput = true,
        })!;
        var line = probe.StandardOutput.ReadToEnd().Trim();
        probe.WaitForExit();

        Assert.Equal("96,64,51", line);
    }
}
