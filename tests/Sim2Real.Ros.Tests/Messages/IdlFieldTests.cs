using System.Text.RegularExpressions;
using Sim2Real.Ros.Graph;
using Sim2Real.Ros.Messages;

namespace Sim2Real.Ros.Tests.Messages;

/// <summary>The C# records' field names and order are those of the ROS 2 IDL the idlc descriptors come from.</summary>
public partial class IdlFieldTests
{
    private const string EmptyStructurePlaceholder = "structure_needs_at_least_one_member";

    public static TheoryData<string> AllTypes() => [.. RosMessageTypes.All.Concat(GraphTypes.All).Select(t => t.Name.Ros)];

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Record_fields_are_the_IDL_fields_in_order(string type)
    {
        var name = RosTypeName.Parse(type);
        var messageType = RosMessageTypes.Find(name) ?? GraphTypes.Find(name)!;
        var idl = File.ReadAllText(Path.Combine(RosTestEnvironment.RepoRoot(), "src/native/dds/idl", name.Package + ".idl"));
        var body = Regex.Match(idl, @"struct " + name.Name + @"_ \{(?<body>[^}]*)\}").Groups["body"].Value;
        // rosidl's placeholder member of a .msg without fields is wire padding, not a field (std_msgs/Empty).
        var idlFields = FieldName().Matches(body).Select(m => m.Groups["name"].Value)
            .Where(f => f != EmptyStructurePlaceholder).ToList();

        var recordFields = MessageIntrospection.Fields(messageType.ClrType).Select(f => f.Name).ToList();

        Assert.NotEmpty(body.Trim());
        Assert.Equal(idlFields, recordFields);
    }

    [Fact]
    public void A_message_without_fields_keeps_rosidls_one_placeholder_byte_on_the_wire()
    {
        var idl = File.ReadAllText(Path.Combine(RosTestEnvironment.RepoRoot(), "src/native/dds/idl/std_msgs.idl"));

        Assert.Matches(@"struct Empty_ \{\s*uint8 " + EmptyStructurePlaceholder + @";\s*\}", idl);
        Assert.Empty(MessageIntrospection.Fields(typeof(Sim2Real.Ros.Messages.StdMsgs.Empty)));
        Assert.Equal(new byte[] { 0x00, 0x01, 0x00, 0x00, 0 }, RosMessage.Encode(new Sim2Real.Ros.Messages.StdMsgs.Empty()));
    }

    [GeneratedRegex(@"^\s*(?!//)[^;\n]*?\s(?<name>[a-z_][a-z0-9_]*)(\[\d+\])?;", RegexOptions.Multiline)]
    private static partial Regex FieldName();
}
