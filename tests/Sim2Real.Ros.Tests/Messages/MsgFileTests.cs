using System.Reflection;
using System.Text.RegularExpressions;
using Sim2Real.Ros.Messages;

namespace Sim2Real.Ros.Tests.Messages;

/// <summary>
/// The .msg definitions under src/Sim2Real.Ros/Messages/Definitions (what a recorder stores as schemas and what real
/// ROS 2 tools build from) say what the C# records put on the wire: field names, types and order, and constants.
/// </summary>
public partial class MsgFileTests
{
    private static readonly Dictionary<string, Type> Primitives = new()
    {
        ["bool"] = typeof(bool), ["byte"] = typeof(byte), ["uint8"] = typeof(byte), ["int32"] = typeof(int), ["uint32"] = typeof(uint),
        ["uint64"] = typeof(ulong), ["float32"] = typeof(float), ["float64"] = typeof(double), ["string"] = typeof(string),
    };

    private static string DefinitionsRoot => Path.Combine(RosTestEnvironment.RepoRoot(), "src/Sim2Real.Ros/Messages/Definitions");

    public static TheoryData<string> MsgFiles() =>
        [.. Directory.GetFiles(DefinitionsRoot, "*.msg", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(DefinitionsRoot, f)).Order()];

    [Theory]
    [MemberData(nameof(MsgFiles))]
    public void Msg_file_declares_the_records_fields_and_constants(string file)
    {
        var package = file.Split(Path.DirectorySeparatorChar)[0];
        var name = new RosTypeName(package, Path.GetFileNameWithoutExtension(file));
        var type = RosMessageTypes.Find(name);
        Assert.True(type is not null, $"{file}: {name} is not in RosMessageTypes");
        var lines = File.ReadAllLines(Path.Combine(DefinitionsRoot, file))
            .Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0).ToList();

        var constants = lines.Where(l => l.Contains('=', StringComparison.Ordinal))
            .Select(l => Constant().Match(l)).Select(m => (m.Groups["name"].Value, m.Groups["value"].Value)).ToList();
        var declared = type.ClrType.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral)
            .Select(f => (f.Name, Convert.ToString(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)!)).ToList();
        Assert.Equal(constants, declared);

        var fields = lines.Where(l => !l.Contains('=', StringComparison.Ordinal)).Select(l => Field().Match(l)).ToList();
        var record = MessageIntrospection.Fields(type.ClrType);
        Assert.Equal(fields.Select(f => f.Groups["name"].Value), record.Select(f => f.Name));
        foreach (var (msg, field) in fields.Zip(record))
        {
            var (element, isArray, length) = (msg.Groups["type"].Value, msg.Groups["array"].Success, msg.Groups["length"].Value);
            var clr = field.Property.PropertyType;
            Assert.True(isArray == clr.IsArray, $"{file}: {field.Name} is {(isArray ? "" : "not ")}an array in the .msg");
            Assert.Equal(length.Length > 0 ? int.Parse(length, System.Globalization.CultureInfo.InvariantCulture) : null, field.FixedLength);
            Assert.Equal(Resolve(element, package), RosTypeOf(isArray ? clr.GetElementType()! : clr));
        }
    }

    [Fact]
    public void The_sim2real_msgs_package_builds_every_msg_file_it_holds()
    {
        var folder = Path.Combine(DefinitionsRoot, "sim2real_msgs");
        var cmake = File.ReadAllText(Path.Combine(folder, "CMakeLists.txt"));
        var listed = CmakeMsg().Matches(cmake).Select(m => m.Groups["file"].Value).Order();
        var present = Directory.GetFiles(Path.Combine(folder, "msg"), "*.msg").Select(f => "msg/" + Path.GetFileName(f)).Order();

        Assert.Equal(present, listed);
        Assert.Contains("<member_of_group>rosidl_interface_packages</member_of_group>", File.ReadAllText(Path.Combine(folder, "package.xml")), StringComparison.Ordinal);
    }

    // A .msg type as the full ROS name: primitives stay, "Pose" means this package's Pose, "Header" std_msgs/Header.
    private static string Resolve(string element, string package) =>
        Primitives.ContainsKey(element) ? element switch { "byte" => "uint8", _ => element }
        : element.Contains('/', StringComparison.Ordinal) ? RosTypeName.Parse(element).Ros
        : element == "Header" ? "std_msgs/msg/Header"
        : new RosTypeName(package, element).Ros;

    private static string RosTypeOf(Type clr)
    {
        var primitive = Primitives.Where(p => p.Value == clr && p.Key != "byte").Select(p => p.Key).FirstOrDefault();
        return primitive ?? ((RosTypeName)clr.GetProperty("TypeName", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).Ros;
    }

    [GeneratedRegex(@"^(?<type>[A-Za-z0-9_/]+)\s+(?<name>[A-Z][A-Z0-9_]*)\s*=\s*(?<value>\S+)$")]
    private static partial Regex Constant();

    [GeneratedRegex(@"^(?<type>[A-Za-z0-9_/]+)(?<array>\[(?<length>\d*)\])?\s+(?<name>[a-z][a-z0-9_]*)$")]
    private static partial Regex Field();

    [GeneratedRegex(@"""(?<file>msg/[A-Za-z0-9]+\.msg)""")]
    private static partial Regex CmakeMsg();
}
