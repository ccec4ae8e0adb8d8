using Sim2Real.Sim.Bindings;

namespace Sim2Real.Sim.Environments;

/// <summary>Makes the renderer behind pixel observations.</summary>
internal static class FrameSources
{
    public static IFrameSource Create(MjModel model, string camera, int width, int height) =>
        throw new NotSupportedException($"{model.Source}: pixel observations need the headless renderer (camera '{camera}', {width}x{height}), which is not built into this version");
}
