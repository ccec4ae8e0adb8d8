namespace Sim2Real.Native;

/// <summary>
/// A native library the project loads: the logical name that <c>[DllImport]</c> uses, the file names to try in
/// order (Debian's versioned sonames first), and the Debian package to install when none of them loads.
/// </summary>
/// <param name="Name">Logical name used in <c>[DllImport]</c> and in the override variable <c>SIM2REAL_NATIVE_&lt;NAME&gt;</c>.</param>
/// <param name="Engine">Human name of the engine, as doctor prints it.</param>
/// <param name="Candidates">File names or absolute paths, tried in order.</param>
/// <param name="DebianPackage">Package that provides the library (or, for a project-built layer, the engine it needs).</param>
/// <param name="ProjectBuilt">True for the project's own layers under src/native, which live next to the assemblies.</param>
public sealed record NativeLibrarySpec(
    string Name,
    string Engine,
    IReadOnlyList<string> Candidates,
    string DebianPackage,
    bool ProjectBuilt = false)
{
    /// <summary>Environment variable that replaces <see cref="Candidates"/> with one path or file name.</summary>
    public string OverrideVariable => "SIM2REAL_NATIVE_" + Name.ToUpperInvariant().Replace('-', '_');
}
