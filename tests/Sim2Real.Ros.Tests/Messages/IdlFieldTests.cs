using System.Text.RegularExpressions;
using Sim2Real.Ros.Graph;
using Sim2Real.Ros.Messages;

namespace Sim2Real.Ros.Tests.Messages;

/// <summary>The C# records' field names and order are those of the ROS 2 IDL the idlc descriptors come from.</summary>
public partial class IdlFieldTests
{
    public static TheoryData<string> AllTypes() => [.. RosMessageTypes.All.Concat(GraphTypes.All).Select(t => t.Name.Ros)];

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Record_fields_are_the_IDL_fields_in_order(string type)
    {
        var name = RosTypeName.Parse(type);
        var messageType = RosMessageTypes.Find(name) ?? GraphTypes.Find(name)!;
        var idl = File.ReadAllText(Path.Combine(RosTestEnvironment.RepoRoot(), "src/native/dds/idl", name.Package + ".idl"));
        var body = Regex.Match(idl, @"struct " + name.Name + @"_ \{(?<body>[^}]*)\}").Groups["body"].Value;
        var idlFields = FieldName().Matches(body).Select(m => m.Groups["name"].Value).ToList();

        var recordFields = MessageIntrospection.Fields(messageType.ClrType).Select(f => f.Name).ToList();

        Assert.NotEmpty(idlFields);
        Assert.Equal(idlFields, recordFields);
    }

    [GeneratedRegex(@"^\s*(?!//)[^;\n]*?\s(?<name>[a-z_][a-z0-9_]*)(\[\d+\])?;", RegexOptions.Multiline)]
    private static partial Regex FieldName();
}
