namespace Sim2Real.Native;

/// <summary>What one native engine says about itself once loaded: version and the facts that affect speed.</summary>
/// <param name="Engine">Engine name as users know it.</param>
/// <param name="Version">The version the loaded library reports.</param>
/// <param name="Detail">Where it was loaded from and what it runs on (threads, BLAS, renderer).</param>
public sealed record EngineReport(string Engine, string Version, string Detail);
