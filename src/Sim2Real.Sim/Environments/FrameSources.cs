using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Rendering;

namespace Sim2Real.Sim.Environments;

/// <summary>Makes the renderer behind pixel observations: one <see cref="MjRenderer"/> per environment model.</summary>
internal static class FrameSources
{
    public static IFrameSource Create(MjModel model, string camera, int width, int height, RenderQuality quality) =>
        new RendererFrameSource(model, camera, model.CameraId(camera), new RenderOptions { Width = width, Height = height, Quality = quality });

    private sealed class RendererFrameSource : IFrameSource
    {
        private readonly MjRenderer _renderer;
        private readonly int _camera;

        public RendererFrameSource(MjModel model, string name, int camera, RenderOptions options)
        {
            _renderer = new MjRenderer(model, options);
            _camera = camera;
            Camera = name;
        }

        public string Camera { get; }

        public int Width => _renderer.Width;

        public int Height => _renderer.Height;

        public void Render(MjData data, Span<byte> rgb) => _renderer.Render(data, _camera, rgb);

        public void Dispose() => _renderer.Dispose();
    }
}
