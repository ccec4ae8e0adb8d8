namespace Sim2Real.Sim.Rendering;

/// <summary>Which headless OpenGL implementation renders. Chosen once per process: the two cannot be mixed.</summary>
public enum GlBackend
{
    /// <summary>EGL (GLVND; Mesa's llvmpipe without a GPU, the vendor driver with one). Preferred.</summary>
    Egl,

    /// <summary>OSMesa, Mesa's software rasterizer. The fallback when EGL cannot open a display.</summary>
    OsMesa,
}
