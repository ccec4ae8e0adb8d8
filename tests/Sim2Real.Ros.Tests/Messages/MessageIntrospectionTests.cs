using Sim2Real.Core;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.DiagnosticMsgs;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Messages.SensorMsgs;

namespace Sim2Real.Ros.Tests.Messages;

public class MessageIntrospectionTests
{
    [Fact]
    public void Yaml_looks_like_ros2_topic_echo()
    {
        var status = new DiagnosticArray
        {
            Status = [new DiagnosticStatus { Level = DiagnosticStatus.WARN, Name = "motor", Message = "", Values = [new KeyValue { Key = "temp", Value = "71.5" }] }],
        };

        var yaml = MessageIntrospection.ToYaml(status);

        Assert.Equal(
            """
            header:
              stamp:
                sec: 0
                nanosec: 0
              frame_id: ''
            status:
            - level: 1
              name: motor
              message: ''
              hardware_id: ''
              values:
              - key: temp
                value: '71.5'

            """.ReplaceLineEndings("\n"), yaml);
    }

    [Fact]
    public void Long_arrays_are_truncated_after_128_elements_as_ros2_does()
    {
        var yaml = MessageIntrospection.ToYaml(new CompressedImage { Format = "jpeg", Data = new byte[300] });

        var lines = yaml.Split('\n');
        Assert.Equal(128, lines.Count(l => l == "- 0"));
        Assert.Contains("- '...'", lines);
    }

    [Fact]
    public void Yaml_in_flow_style_builds_the_message_and_keeps_defaults_elsewhere()
    {
        var twist = (Twist)MessageIntrospection.FromYaml("{linear: {x: 0.5, y: -1e-3}, angular: {z: 1}}", typeof(Twist));

        Assert.Equal(0.5, twist.Linear.X);
        Assert.Equal(-0.001, twist.Linear.Y);
        Assert.Equal(1.0, twist.Angular.Z);
        Assert.Equal(0.0, twist.Linear.Z);
    }

    [Fact]
    public void Quaternion_defaults_to_identity_as_in_ROS_2()
    {
        var pose = (Pose)MessageIntrospection.FromYaml("{position: {x: 1}}", typeof(Pose));

        Assert.Equal(1.0, pose.Orientation.W);
    }

    [Fact]
    public void An_unknown_field_is_named_with_the_fields_that_exist()
    {
        var e = Assert.Throws<InvalidConfigException>(() => MessageIntrospection.FromYaml("{linear: {q: 1}}", typeof(Twist), "/cmd_vel"));

        Assert.Equal("/cmd_vel", e.Origin);
        Assert.Equal("linear.q", e.Field);
        Assert.Contains("x, y, z", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fixed_array_of_the_wrong_length_names_the_field()
    {
        var e = Assert.Throws<InvalidConfigException>(() => MessageIntrospection.FromYaml("{k: [1, 2, 3]}", typeof(CameraInfo)));

        Assert.Equal("k", e.Field);
        Assert.Contains("9 elements", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_the_field_and_the_type()
    {
        var e = Assert.Throws<InvalidConfigException>(() => MessageIntrospection.FromYaml("{height: tall}", typeof(Image)));

        Assert.Equal("height", e.Field);
        Assert.Contains("uint32", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sensor_msgs/msg/Image", "sensor_msgs::msg::dds_::Image_")]
    [InlineData("geometry_msgs/Twist", "geometry_msgs::msg::dds_::Twist_")]
    public void Type_names_map_to_their_DDS_spelling(string ros, string dds)
    {
        Assert.Equal(dds, RosTypeName.Parse(ros).Dds);
        Assert.Equal(RosTypeName.Parse(ros), RosTypeName.FromDds(dds));
    }
}
