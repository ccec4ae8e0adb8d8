namespace Sim2Real.Ros.Messages;

/// <summary>
/// The .msg field name of a property whose PascalCase form cannot be used: C# forbids a member named like its type,
/// so rosgraph_msgs/Clock's field <c>clock</c> is the property <c>Time</c> with <c>[RosFieldName("clock")]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RosFieldNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
