namespace Sim2Real.Native;

/// <summary>No candidate of a native library could be loaded. The message names the package that provides it.</summary>
public sealed class NativeLibraryMissingException : DllNotFoundException
{
    public NativeLibraryMissingException(NativeLibrarySpec spec, IReadOnlyList<string> attempts)
        : base(Describe(spec, attempts))
    {
        Spec = spec;
        Attempts = attempts;
    }

    public NativeLibrarySpec Spec { get; }

    /// <summary>Each candidate tried, with the loader's reason it failed.</summary>
    public IReadOnlyList<string> Attempts { get; }

    private static string Describe(NativeLibrarySpec spec, IReadOnlyList<string> attempts)
    {
        var remedy = spec.ProjectBuilt
            ? $"it is built from src/native by 'dotnet build' and needs Debian package {spec.DebianPackage}"
            : $"install Debian package {spec.DebianPackage}";
        return $"{spec.Engine}: native library '{spec.Name}' could not be loaded; {remedy} (run scripts/setup). " +
               $"Tried: {string.Join("; ", attempts)}";
    }
}
