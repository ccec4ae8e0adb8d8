namespace Sim2Real.Sim.Bindings;

/// <summary>The loaded libmujoco is not the version whose headers the field layout was generated from.</summary>
public sealed class MuJoCoVersionMismatchException : MuJoCoException
{
    public MuJoCoVersionMismatchException(int library, int headers, string? path)
        : base($"MuJoCo library {path ?? "libmujoco"} reports version {library} (mj_version), but Sim2Real's field " +
               $"layout was generated from the version {headers} headers; rebuild (dotnet build) against the installed " +
               "libmujoco-dev so offsets match, or install the matching library.")
    {
        Library = library;
        Headers = headers;
    }

    public int Library { get; }

    public int Headers { get; }
}
