using Sim2Real.Native;

namespace Sim2Real.Sim.Rendering;

/// <summary>Opens a throwaway headless context to report what EGL renders with.</summary>
public static class EglInfo
{
    public static EngineReport Report()
    {
        // A context is bound to its thread; a dedicated thread keeps the caller's thread free of GL state.
        EngineReport? report = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var context = new EglContext();
                report = new EngineReport("EGL", $"{context.EglVersion} ({context.Vendor})",
                    $"renderer: {context.Renderer}; OpenGL {context.GlVersion}");
            }
            catch (DllNotFoundException e)
            {
                failure = e;
            }
            catch (InvalidOperationException e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return report!;
    }
}
