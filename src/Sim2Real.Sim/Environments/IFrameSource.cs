using Sim2Real.Sim.Bindings;

namespace Sim2Real.Sim.Environments;

/// <summary>Renders one camera of one environment's model into an RGB buffer (H x W x 3, rows top-down).</summary>
internal interface IFrameSource : IDisposable
{
    string Camera { get; }

    int Width { get; }

    int Height { get; }

    void Render(MjData data, Span<byte> rgb);
}
