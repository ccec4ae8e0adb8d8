using Sim2Real.Core;
using Sim2Real.Ros.Messages;

namespace Sim2Real.Ros.Tests.Messages;

/// <summary>The embedded .msg files describe the C# records exactly, and the ros2msg schema is rosbag2's concatenation.</summary>
public class MessageDefinitionsTests
{
    private const string Delimiter = "================================================================================";

    private static readonly Dictionary<string, Type> Primitives = new()
    {
        ["bool"] = typeof(bool),
        ["byte"] = typeof(byte),
        ["char"] = typeof(byte),
        ["uint8"] = typeof(byte),
        ["int8"] = typeof(sbyte),
        ["int16"] = typeof(short),
        ["uint16"] = typeof(ushort),
        ["int32"] = typeof(int),
        ["uint32"] = typeof(uint),
        ["int64"] = typeof(long),
        ["uint64"] = typeof(ulong),
        ["float32"] = typeof(float),
        ["float64"] = typeof(double),
        ["string"] = typeof(string),
    };

    public static TheoryData<string> AllTypes() => [.. RosMessageTypes.All.Select(t => t.Name.Ros)];

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Every_registered_type_has_a_definition_whose_fields_are_the_record_fields(string type)
    {
        var name = RosTypeName.Parse(type);
        var messageType = RosMessageTypes.Get(name);
        var fields = MessageIntrospection.Fields(messageType.ClrType);

        var declared = DeclaredFields(MessageDefinitions.Text(name)).ToList();

        Assert.Equal(declared.Select(f => f.Name), fields.Select(f => f.Name));
        foreach (var (field, (fieldName, fieldType, fixedLength)) in fields.Zip(declared))
        {
            var element = fieldType.EndsWith(']') ? fieldType[..fieldType.IndexOf('[', StringComparison.Ordinal)] : fieldType;
            var isArray = element.Length != fieldType.Length;
            var expected = ClrType(element, name.Package);
            Assert.True((isArray ? expected.MakeArrayType() : expected) == field.Property.PropertyType,
                $"{name}.{fieldName}: .msg says {fieldType}, the record has {field.Property.PropertyType.Name}");
            Assert.Equal(fixedLength, field.FixedLength);
        }
    }

    [Fact]
    public void Definitions_are_the_ROS_2_files_verbatim_with_their_comments()
    {
        var image = MessageDefinitions.Text(new RosTypeName("sensor_msgs", "Image"));

        Assert.StartsWith("# This message contains an uncompressed image", image, StringComparison.Ordinal);
        Assert.Contains("uint8[] data          # actual matrix data, size is (step * rows)\n", image, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_appends_dependencies_sorted_and_depth_first_as_rosbag2_does()
    {
        var schema = MessageDefinitions.Ros2MsgSchema(new RosTypeName("sensor_msgs", "Imu"));

        var headers = schema.Split('\n').Where(l => l.StartsWith("MSG: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["MSG: geometry_msgs/Quaternion", "MSG: geometry_msgs/Vector3", "MSG: std_msgs/Header", "MSG: builtin_interfaces/Time"], headers);
        Assert.StartsWith(MessageDefinitions.Text(new RosTypeName("sensor_msgs", "Imu")) + "\n" + Delimiter + "\nMSG: geometry_msgs/Quaternion\n", schema, StringComparison.Ordinal);
        Assert.EndsWith("\n" + Delimiter + "\nMSG: builtin_interfaces/Time\n" + MessageDefinitions.Text(new RosTypeName("builtin_interfaces", "Time")), schema, StringComparison.Ordinal);
    }

    [Fact]
    public void Bare_field_types_resolve_to_the_package_of_the_message_that_uses_them()
    {
        var schema = MessageDefinitions.Ros2MsgSchema(new RosTypeName("trajectory_msgs", "JointTrajectory"));

        var headers = schema.Split('\n').Where(l => l.StartsWith("MSG: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["MSG: std_msgs/Header", "MSG: builtin_interfaces/Time", "MSG: trajectory_msgs/JointTrajectoryPoint", "MSG: builtin_interfaces/Duration"], headers);
    }

    [Fact]
    public void Each_dependency_is_written_once()
    {
        // Imu has two Vector3 fields; CameraInfo's Header brings Time.
        var imu = MessageDefinitions.Ros2MsgSchema(new RosTypeName("sensor_msgs", "Imu"));
        var cameraInfo = MessageDefinitions.Ros2MsgSchema(new RosTypeName("sensor_msgs", "CameraInfo"));

        Assert.Equal(2, imu.Split("MSG: geometry_msgs/Vector3\n").Length);
        Assert.Equal(4, cameraInfo.Split(Delimiter).Length);
        Assert.Contains("MSG: sensor_msgs/RegionOfInterest", cameraInfo, StringComparison.Ordinal);
    }

    [Fact]
    public void Constants_and_comments_are_not_dependencies()
    {
        var dependencies = MessageDefinitions.Dependencies(MessageDefinitions.Text(new RosTypeName("diagnostic_msgs", "DiagnosticStatus")), "diagnostic_msgs");

        Assert.Equal(["diagnostic_msgs/KeyValue"], dependencies);
    }

    [Fact]
    public void A_type_without_a_definition_is_named_in_the_error()
    {
        var e = Assert.Throws<InvalidConfigException>(() => MessageDefinitions.Text(new RosTypeName("nope_msgs", "Missing")));

        Assert.Contains("nope_msgs/msg/Missing", e.Message, StringComparison.Ordinal);
    }

    private static Type ClrType(string msgType, string package)
    {
        if (Primitives.TryGetValue(msgType, out var primitive))
        {
            return primitive;
        }

        var parts = msgType.Split('/');
        var name = parts.Length == 2 ? new RosTypeName(parts[0], parts[1]) : new RosTypeName(package, msgType);
        return RosMessageTypes.Get(name).ClrType;
    }

    // Field lines of a .msg file: "type name [default]"; constants ("byte OK=0") and comments are not fields.
    private static IEnumerable<(string Name, string Type, int? FixedLength)> DeclaredFields(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length < 2 || line.Contains('=', StringComparison.Ordinal))
            {
                continue;
            }

            var type = tokens[0];
            int? fixedLength = null;
            var open = type.IndexOf('[', StringComparison.Ordinal);
            if (open >= 0 && type.Length - open > 2 && !type[(open + 1)..].StartsWith("<=", StringComparison.Ordinal))
            {
                fixedLength = int.Parse(type[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            }

            yield return (tokens[1], type, fixedLength);
        }
    }
}
