using Sim2Real.Robotics.Policies;

namespace Sim2Real.Learning.Policies;

/// <summary>A policy with the manifest it was loaded from. Disposing it releases the networks.</summary>
public sealed class LoadedPolicy(PolicyManifest manifest, IPolicy policy, string path) : IDisposable
{
    public PolicyManifest Manifest { get; } = manifest;

    public IPolicy Policy { get; } = policy;

    public string Path { get; } = path;

    public void Dispose() => Policy.Dispose();
}
