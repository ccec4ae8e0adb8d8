using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Sim2Real.Native;

/// <summary>
/// Resolves the project's <c>[DllImport]</c> names to real files at load time, so Debian's versioned sonames
/// (libmujoco.so.2.2.2, libddsc.so.0debian) load without -dev symlinks, and a missing engine fails with the
/// package to install instead of a bare DllNotFoundException.
/// </summary>
public static class NativeLoader
{
    private static readonly ConcurrentDictionary<string, IntPtr> Loaded = new(StringComparer.Ordinal);
    private static readonly HashSet<Assembly> Registered = [];
    private static readonly Lock RegisterLock = new();

    /// <summary>Installs a resolver for <paramref name="assembly"/> that knows <paramref name="specs"/>. Idempotent.</summary>
    public static void Register(Assembly assembly, params NativeLibrarySpec[] specs)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var byName = specs.ToDictionary(s => s.Name, StringComparer.Ordinal);
        lock (RegisterLock)
        {
            if (!Registered.Add(assembly))
            {
                return;
            }

            NativeLibrary.SetDllImportResolver(assembly, (name, _, _) =>
                byName.TryGetValue(name, out var spec) ? Load(spec) : IntPtr.Zero);
        }
    }

    /// <summary>Loads the first candidate of <paramref name="spec"/> that the dynamic loader accepts (cached).</summary>
    /// <exception cref="NativeLibraryMissingException">No candidate loaded.</exception>
    public static IntPtr Load(NativeLibrarySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (Loaded.TryGetValue(spec.Name, out var cached))
        {
            return cached;
        }

        var attempts = new List<string>();
        foreach (var path in CandidatePaths(spec))
        {
            try
            {
                var handle = NativeLibrary.Load(path);
                return Loaded.GetOrAdd(spec.Name, handle);
            }
            catch (DllNotFoundException e)
            {
                attempts.Add($"{path}: {FirstLine(e.Message)}");
            }
            catch (BadImageFormatException e)
            {
                attempts.Add($"{path}: {FirstLine(e.Message)}");
            }
        }

        throw new NativeLibraryMissingException(spec, attempts);
    }

    /// <summary>The file a loaded library came from, as the dynamic loader reports it.</summary>
    public static string? LoadedPath(NativeLibrarySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Loaded.TryGetValue(spec.Name, out var handle) ? Dl.PathOf(handle) : null;
    }

    /// <summary>The paths tried for <paramref name="spec"/>: the override variable alone when set.</summary>
    public static IEnumerable<string> CandidatePaths(NativeLibrarySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var overridden = Environment.GetEnvironmentVariable(spec.OverrideVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            yield return overridden;
            yield break;
        }

        foreach (var candidate in spec.Candidates)
        {
            if (spec.ProjectBuilt && !Path.IsPathRooted(candidate))
            {
                // Project-built layers sit next to the assemblies (NativeBuild.targets copies them there).
                yield return Path.Combine(AppContext.BaseDirectory, candidate);
                var beside = Path.GetDirectoryName(typeof(NativeLoader).Assembly.Location);
                if (!string.IsNullOrEmpty(beside) && beside != AppContext.BaseDirectory.TrimEnd('/'))
                {
                    yield return Path.Combine(beside, candidate);
                }
            }
            else
            {
                yield return candidate;
            }
        }
    }

    // .NET appends advice about strace and LD_DEBUG to the loader's reason; the first sentence is the reason.
    private static string FirstLine(string message)
    {
        var end = message.IndexOf(". In order to help", StringComparison.Ordinal);
        if (end < 0)
        {
            end = message.IndexOf('\n', StringComparison.Ordinal);
        }

        return end < 0 ? message : message[..end];
    }
}
