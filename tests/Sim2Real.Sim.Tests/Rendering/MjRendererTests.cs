using Sim2Real.Core.Imaging;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Rendering;

namespace Sim2Real.Sim.Tests.Rendering;

public class MjRendererTests
{
    [Fact]
    public void Renders_the_humanoid_at_84x84_with_visible_content()
    {
        using var model = MjModel.FromXmlFile(TestModels.Humanoid);
        using var data = model.CreateData();
        data.Forward();
        using var renderer = new MjRenderer(model, new RenderOptions { Width = 84, Height = 84 });

        var frame = renderer.Render(data);

        Assert.Equal(84, frame.Width);
        Assert.Equal(84, frame.Height);
        Assert.Equal(84 * 84 * 3, frame.Pixels.Length);
        Assert.True(frame.Pixels.Distinct().Count() > 10, "a rendered humanoid scene has many distinct intensities, not a blank frame");
    }

    [Fact]
    public void Rows_come_out_top_down()
    {
        using var model = MjModel.FromXmlString(TestModels.Wall("1 0 0", "0 0 1"), "wall.xml");
        using var data = model.CreateData();
        data.Forward();
        using var renderer = new MjRenderer(model, new RenderOptions { Width = 40, Height = 30 });

        var frame = renderer.Render(data, "front");

        var top = At(frame, 20, 2);
        var bottom = At(frame, 20, 27);
        Assert.True(top.R > 200 && top.B < 60, $"top row should be red, was {top}");
        Assert.True(bottom.B > 200 && bottom.R < 60, $"bottom row should be blue, was {bottom}");
    }

    [Fact]
    public void Frames_of_any_size_and_quality_have_the_asked_size()
    {
        using var model = MjModel.FromXmlString(TestModels.Wall("1 0 0", "0 0 1"));
        using var data = model.CreateData();
        data.Forward();
        using var wide = new MjRenderer(model, new RenderOptions { Width = 160, Height = 48, Quality = RenderQuality.High });
        using var tall = new MjRenderer(model, new RenderOptions { Width = 17, Height = 1000 });

        var a = wide.Render(data, "front");
        var b = tall.Render(data, "front");

        Assert.Equal((160, 48), (a.Width, a.Height));
        Assert.Equal((17, 1000), (b.Width, b.Height));
        Assert.True(At(a, 80, 0).R > 200, "high quality frame shows the red top");
        Assert.True(At(b, 8, 999).B > 200, "tall frame shows the blue bottom");
    }

    [Fact]
    public async Task Environments_rendering_different_scenes_concurrently_each_get_their_own_frames()
    {
        using var red = MjModel.FromXmlString(TestModels.Wall("1 0 0", "1 0 0"), "red.xml");
        using var green = MjModel.FromXmlString(TestModels.Wall("0 1 0", "0 1 0"), "green.xml");

        string Run(MjModel model, Func<(byte R, byte G, byte B), bool> expected)
        {
            using var data = model.CreateData();
            using var renderer = new MjRenderer(model, new RenderOptions { Width = 32, Height = 32 });
            var wrong = new List<string>();
            for (var i = 0; i < 40; i++)
            {
                data.Step();
                var frame = renderer.Render(data, "front");
                for (var y = 0; y < 32; y += 8)
                {
                    for (var x = 0; x < 32; x += 8)
                    {
                        if (!expected(At(frame, x, y)))
                        {
                            wrong.Add($"frame {i} ({x},{y}) = {At(frame, x, y)}");
                        }
                    }
                }
            }

            return $"{model.Source}: {wrong.Count} wrong pixels {string.Join("; ", wrong.Take(3))}";
        }

        var tasks = new[]
        {
            Task.Run(() => Run(red, p => p.R > 200 && p.G < 100)),
            Task.Run(() => Run(green, p => p.G > 200 && p.R < 100)),
            Task.Run(() => Run(red, p => p.R > 200 && p.G < 100)),
        };
        var wrongPixels = await Task.WhenAll(tasks);

        Assert.Equal(["red.xml: 0 wrong pixels ", "green.xml: 0 wrong pixels ", "red.xml: 0 wrong pixels "], wrongPixels);
    }

    [Fact]
    public async Task One_renderer_used_from_several_threads_returns_whole_frames()
    {
        using var model = MjModel.FromXmlString(TestModels.Wall("1 0 0", "0 0 1"));
        using var data = model.CreateData();
        data.Forward();
        using var renderer = new MjRenderer(model, new RenderOptions { Width = 48, Height = 48 });
        var reference = renderer.Render(data, "front").Pixels;

        var differing = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 30).Count(_ => !renderer.Render(data, "front").Pixels.AsSpan().SequenceEqual(reference)))));

        Assert.Equal([0, 0, 0], differing);
    }

    [Fact]
    public void An_unknown_camera_is_named_in_the_error()
    {
        using var model = MjModel.FromXmlString(TestModels.Wall("1 0 0", "0 0 1"), "wall.xml");
        using var data = model.CreateData();
        using var renderer = new MjRenderer(model);

        var e = Assert.Throws<MjNameNotFoundException>(() => renderer.Render(data, "wrist"));

        Assert.Contains("no camera named 'wrist'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frame_buffer_of_the_wrong_size_is_rejected()
    {
        using var model = MjModel.FromXmlString(TestModels.Wall("1 0 0", "0 0 1"));
        using var data = model.CreateData();
        using var renderer = new MjRenderer(model, new RenderOptions { Width = 8, Height = 8 });

        var e = Assert.Throws<ArgumentException>(() => renderer.Render(data, "front", new byte[100]));

        Assert.Contains("192 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disposed_renderer_refuses_to_render_and_can_be_disposed_again()
    {
        using var model = MjModel.FromXmlString(TestModels.Wall("1 0 0", "0 0 1"));
        using var data = model.CreateData();
        var renderer = new MjRenderer(model);

        renderer.Dispose();
        renderer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => renderer.Render(data, "front"));
    }

    [Fact]
    public void Invalid_options_name_the_field()
    {
        using var model = MjModel.FromXmlString(TestModels.Wall("1 0 0", "0 0 1"));

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MjRenderer(model, new RenderOptions { Width = 0 }));

        Assert.Equal("Width", e.ParamName);
    }

    /// <summary>The (r, g, b) at column <paramref name="x"/>, row <paramref name="y"/> (0 = top) of an RGB frame.</summary>
    private static (byte R, byte G, byte B) At(Image frame, int x, int y)
    {
        Assert.Equal(PixelFormat.Rgb, frame.Format);
        var i = (y * frame.Stride) + (x * 3);
        return (frame.Pixels[i], frame.Pixels[i + 1], frame.Pixels[i + 2]);
    }
}
