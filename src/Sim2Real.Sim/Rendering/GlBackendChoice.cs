namespace Sim2Real.Sim.Rendering;

/// <summary>
/// Reads the backend the user asked for from MUJOCO_GL, the variable MuJoCo's own Python tools (dm_control,
/// mujoco.Renderer) use: "egl" or "osmesa". Unset means EGL, falling back to OSMesa if EGL fails.
/// </summary>
internal static class GlBackendChoice
{
    public const string Variable = "MUJOCO_GL";

    /// <summary>The requested backend, or null when unset (EGL first, then OSMesa).</summary>
    public static GlBackend? Requested()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return value.Trim().ToLowerInvariant() switch
        {
            "egl" => GlBackend.Egl,
            "osmesa" => GlBackend.OsMesa,
            _ => throw new RenderingException($"{Variable}={value}: unsupported headless backend; use 'egl' or 'osmesa'"),
        };
    }
}
