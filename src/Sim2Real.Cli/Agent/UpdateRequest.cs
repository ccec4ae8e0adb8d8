namespace Sim2Real.Cli.Agent;

/// <summary>The arguments of ./sim2real agent update.</summary>
internal sealed record UpdateRequest(
    string Checkpoint, string Batch, int Updates, string Out, string Stddev, long Step, bool Augment, ulong? Seed, bool WithOptimizer);
