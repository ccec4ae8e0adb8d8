namespace Sim2Real.Learning.Tensors;

/// <summary>An error raised inside libtorch (shape mismatch, bad device, ...), with libtorch's own message.</summary>
public sealed class TorchException : Exception
{
    public TorchException(string message)
        : base(message)
    {
    }

    public TorchException()
    {
    }

    public TorchException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
