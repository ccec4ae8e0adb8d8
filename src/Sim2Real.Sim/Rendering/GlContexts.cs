namespace Sim2Real.Sim.Rendering;

/// <summary>Makes the headless GL context for the render thread: EGL first, OSMesa when EGL is unavailable or requested.</summary>
internal static class GlContexts
{
    public static (IGlContext Context, GlBackend Backend) Create(GlBackend? requested)
    {
        if (requested == GlBackend.OsMesa)
        {
            return (new OsMesaContext(), GlBackend.OsMesa);
        }

        try
        {
            return (new EglContext(), GlBackend.Egl);
        }
        catch (Exception e) when (requested is null && e is InvalidOperationException or DllNotFoundException)
        {
            // Software fallback. OSMesa and libEGL do not mix in one process; when EGL loaded but failed to start,
            // this may still fail, and then the message says to choose OSMesa up front.
            try
            {
                return (new OsMesaContext(), GlBackend.OsMesa);
            }
            catch (Exception fallback) when (fallback is RenderingException or DllNotFoundException)
            {
                throw new RenderingException(
                    $"no headless OpenGL: EGL failed ({e.Message}) and OSMesa failed ({fallback.Message}); " +
                    $"set {GlBackendChoice.Variable}=osmesa to use OSMesa alone, and run scripts/setup", fallback);
            }
        }
        catch (InvalidOperationException e)
        {
            throw new RenderingException($"EGL: {e.Message} ({GlBackendChoice.Variable}=egl)", e);
        }
    }
}
