namespace Sim2Real.Sim.Rendering;

/// <summary>An OpenGL context current on the thread that created it; disposed on that same thread.</summary>
internal interface IGlContext : IDisposable
{
    /// <summary>Which backend and renderer, for logs and reports.</summary>
    string Description { get; }
}
