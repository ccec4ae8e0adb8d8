namespace Sim2Real.Runtime.Launch;

/// <summary><c>logging:</c> whether the run is recorded, and where (read by the recorder).</summary>
public sealed record LoggingSection
{
    public bool Record { get; init; }

    /// <summary>Relative to the working directory, as run directories are.</summary>
    public string Directory { get; init; } = "runs/deploy";
}
