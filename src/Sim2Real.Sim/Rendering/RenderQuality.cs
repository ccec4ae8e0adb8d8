namespace Sim2Real.Sim.Rendering;

/// <summary>How much of MuJoCo's visual pipeline runs for each frame.</summary>
public enum RenderQuality
{
    /// <summary>
    /// For training: offscreen buffer of exactly the frame size, no MSAA, no shadows, reflections or skybox, and
    /// round geoms tessellated coarsely (8 slices, 4 stacks).
    /// </summary>
    Fast,

    /// <summary>For videos: the model's multisampling (at least 4x), shadows, reflections and skybox.</summary>
    High,
}
