namespace Sim2Real.Sim.Rendering;

/// <summary>Offscreen rendering could not start or a frame could not be produced.</summary>
public sealed class RenderingException : Exception
{
    public RenderingException(string message)
        : base(message)
    {
    }

    public RenderingException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public RenderingException()
    {
    }
}
