using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Sim2Real.Sim.Rendering;

/// <summary>
/// The one thread that owns the process's OpenGL context. A GL context is current on exactly one thread, and a
/// frame rendered from any other comes back as zeros without an error, so every GL call of every renderer is
/// posted here and runs in order. One shared instance serves all environments of the process.
/// </summary>
internal sealed class RenderThread : IDisposable
{
    private static readonly Lazy<RenderThread> SharedInstance = new(() => new RenderThread(GlBackendChoice.Requested()));
    private readonly BlockingCollection<Action> _work = new();
    private readonly Thread _thread;
    private IGlContext? _context;

    private RenderThread(GlBackend? requested)
    {
        using var ready = new ManualResetEventSlim();
        Exception? failure = null;
        _thread = new Thread(() =>
        {
            try
            {
                (_context, Backend) = GlContexts.Create(requested);
            }
            catch (Exception e) when (e is RenderingException or DllNotFoundException)
            {
                failure = e;
            }
            finally
            {
                ready.Set();
            }

            if (failure is null)
            {
                Loop();
            }
        })
        {
            IsBackground = true,
            Name = "sim2real-render",
        };
        _thread.Start();
        ready.Wait();
        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>The process's render thread, started (and its GL context made) on first use.</summary>
    public static RenderThread Shared => SharedInstance.Value;

    public GlBackend Backend { get; private set; }

    public string Description => _context?.Description ?? "no context";

    /// <summary>Runs <paramref name="work"/> on the render thread and waits for it; its exception is rethrown here.</summary>
    public T Invoke<T>(Func<T> work)
    {
        if (Thread.CurrentThread == _thread)
        {
            return work();
        }

        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                done.SetResult(work());
            }
            catch (Exception e)
            {
                // Handed to the caller, who rethrows it: the render thread itself must keep serving.
                done.SetException(e);
            }
        });
        return done.Task.GetAwaiter().GetResult();
    }

    public void Invoke(Action work) => Invoke(() =>
    {
        work();
        return true;
    });

    public void Dispose()
    {
        _work.CompleteAdding();
        _thread.Join();
        _work.Dispose();
    }

    private void Loop()
    {
        foreach (var item in _work.GetConsumingEnumerable())
        {
            item();
        }

        _context?.Dispose();
    }
}
