namespace Sim2Real.Ros;

/// <summary>One <c>-r from:=to</c> rule; <see cref="Node"/> limits it to one node (<c>node:from:=to</c>).</summary>
public sealed record RemapRule(string From, string To, string? Node = null);
