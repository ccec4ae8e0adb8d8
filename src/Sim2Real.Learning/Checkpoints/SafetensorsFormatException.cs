namespace Sim2Real.Learning.Checkpoints;

/// <summary>A safetensors file is truncated, malformed or inconsistent. Names the file and, when known, the tensor.</summary>
public sealed class SafetensorsFormatException : Exception
{
    public SafetensorsFormatException(string file, string? tensor, string problem)
        : base(tensor is null ? $"{file}: {problem}" : $"{file}: tensor '{tensor}': {problem}")
    {
        File = file;
        Tensor = tensor;
        Problem = problem;
    }

    public SafetensorsFormatException(string file, string? tensor, string problem, Exception inner)
        : base(tensor is null ? $"{file}: {problem}" : $"{file}: tensor '{tensor}': {problem}", inner)
    {
        File = file;
        Tensor = tensor;
        Problem = problem;
    }

    public string File { get; }

    public string? Tensor { get; }

    public string Problem { get; }
}
