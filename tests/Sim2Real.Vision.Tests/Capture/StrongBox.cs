namespace Sim2Real.Vision.Tests.Capture;

/// <summary>A mutable cell the observer callbacks write and the test reads.</summary>
internal sealed class StrongBox<T>
{
    public T? Value { get; set; }
}
