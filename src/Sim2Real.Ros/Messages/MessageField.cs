using System.Reflection;

namespace Sim2Real.Ros.Messages;

/// <summary>One .msg field of a message record: its ROS name, the property and, for T[N] arrays, N.</summary>
public sealed record MessageField(string Name, PropertyInfo Property, int? FixedLength);
