using Sim2Real.Core;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.BuiltinInterfaces;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Messages.RosgraphMsgs;
using Sim2Real.Ros.Messages.Sim2RealMsgs;
using Sim2Real.Ros.Messages.StdMsgs;

namespace Sim2Real.Ros.Tests.Messages;

/// <summary>The message types added for deployment: codecs, constants and the YAML that topic pub/echo use.</summary>
public class DeploymentMessageTests
{
    [Fact]
    public void A_fault_command_round_trips_with_its_push_direction()
    {
        var push = new FaultCommand { Kind = FaultCommand.PUSH, DurationS = 0.2, Magnitude = 20.0, Direction = new Vector3 { Y = 1 } };

        var back = RosMessage.Decode<FaultCommand>(RosMessage.Encode(push));

        Assert.Equal(push, back);
    }

    [Fact]
    public void Foot_contacts_round_trip_with_one_byte_per_contact_flag()
    {
        var contacts = new FootContacts { Name = ["FL_foot", "FR_foot", "RL_foot", "RR_foot"], InContact = [true, false, false, true], NormalForceN = [41.5, 0, 0, 38.25] };

        var back = RosMessage.Decode<FootContacts>(RosMessage.Encode(contacts));

        Assert.Equal(contacts.Name, back.Name);
        Assert.Equal(contacts.InContact, back.InContact);
        Assert.Equal(contacts.NormalForceN, back.NormalForceN);
    }

    [Fact]
    public void Task_metrics_and_watchdog_events_round_trip()
    {
        var metrics = new TaskMetrics { Task = "reach", Episode = 4, Step = 250, Success = true, Done = true, Names = ["distance_m"], Values = [0.012] };
        var trip = new WatchdogEvent { Node = "/policy_runtime", Rule = "joint_state_timeout", Tripped = true, Reason = "joint states 0.21 s old (limit 0.1 s)", DetectedS = 12.5, CommandedS = 12.501 };

        var metricsBack = RosMessage.Decode<TaskMetrics>(RosMessage.Encode(metrics));
        var tripBack = RosMessage.Decode<WatchdogEvent>(RosMessage.Encode(trip));

        Assert.Equal((metrics.Task, metrics.Episode, metrics.Step, metrics.Success, metrics.Done, metrics.Fallen), (metricsBack.Task, metricsBack.Episode, metricsBack.Step, metricsBack.Success, metricsBack.Done, metricsBack.Fallen));
        Assert.Equal(metrics.Names, metricsBack.Names);
        Assert.Equal(metrics.Values, metricsBack.Values);
        Assert.Equal(trip, tripBack);
    }

    [Fact]
    public void Empty_is_the_one_placeholder_byte_on_the_wire_and_accepts_any_value_in_it()
    {
        Assert.Equal(new byte[] { 0x00, 0x01, 0x00, 0x00, 0 }, RosMessage.Encode(new Empty()));
        Assert.Equal(new Empty(), RosMessage.Decode<Empty>([0x00, 0x01, 0x00, 0x00, 7]));
    }

    [Fact]
    public void Topic_pub_yaml_builds_a_push_and_keeps_the_rest_at_defaults()
    {
        var fault = (FaultCommand)MessageIntrospection.FromYaml("{kind: 5, magnitude: 20.0, direction: {x: 1.0}}", typeof(FaultCommand), "/sim/fault");

        Assert.Equal(FaultCommand.PUSH, fault.Kind);
        Assert.Equal(20.0, fault.Magnitude);
        Assert.Equal(1.0, fault.Direction.X);
        Assert.Equal(0.0, fault.DurationS);
    }

    [Fact]
    public void Constants_are_not_fields_of_the_message()
    {
        var fields = MessageIntrospection.Fields(typeof(FaultCommand)).Select(f => f.Name);

        Assert.Equal(["kind", "duration_s", "magnitude", "jitter_s", "direction"], fields);
        var e = Assert.Throws<InvalidConfigException>(() => MessageIntrospection.FromYaml("{PUSH: 5}", typeof(FaultCommand), "/sim/fault"));
        Assert.Equal("PUSH", e.Field);
    }

    [Fact]
    public void Empty_echoes_as_an_empty_mapping_and_is_published_from_one()
    {
        Assert.Equal("{}\n", MessageIntrospection.ToYaml(new Empty()));
        Assert.IsType<Empty>(MessageIntrospection.FromYaml("{}", typeof(Empty)));
    }

    [Fact]
    public void Clocks_field_is_named_clock_as_in_the_msg_file()
    {
        var clock = (Clock)MessageIntrospection.FromYaml("{clock: {sec: 12, nanosec: 5}}", typeof(Clock));

        Assert.Equal(new Time { Sec = 12, Nanosec = 5 }, clock.Time);
        Assert.Equal("clock:\n  sec: 12\n  nanosec: 5\n", MessageIntrospection.ToYaml(clock));
    }

    [Fact]
    public void Float32_values_echo_as_python_prints_the_float32_and_uint64_keeps_every_digit()
    {
        var tick = new PolicyTick { Tick = ulong.MaxValue, RawAction = [0.1f, -2f] };

        var yaml = MessageIntrospection.ToYaml(tick);
        var back = (PolicyTick)MessageIntrospection.FromYaml(yaml, typeof(PolicyTick));

        // rclpy holds float32 fields as Python floats, so 0.1f prints as the double nearest it.
        Assert.Contains("raw_action:\n- 0.10000000149011612\n- -2.0\n", yaml, StringComparison.Ordinal);
        Assert.Contains("tick: 18446744073709551615\n", yaml, StringComparison.Ordinal);
        Assert.Equal(tick.RawAction, back.RawAction);
        Assert.Equal(ulong.MaxValue, back.Tick);
    }

    [Fact]
    public void A_float32_out_of_range_names_the_field_and_the_type()
    {
        var e = Assert.Throws<InvalidConfigException>(() => MessageIntrospection.FromYaml("{raw_action: [1e39]}", typeof(PolicyTick)));

        Assert.Equal("raw_action[0]", e.Field);
        Assert.Contains("float32", e.Problem, StringComparison.Ordinal);
    }

    public static TheoryData<string> AllTypes() => [.. RosMessageTypes.All.Select(t => t.Name.Ros)];

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Every_type_survives_echo_yaml_read_back_by_pub(string type)
    {
        var messageType = RosMessageTypes.Get(RosTypeName.Parse(type));
        var probe = MessageIntrospection.Probe(messageType.ClrType);

        var back = MessageIntrospection.FromYaml(MessageIntrospection.ToYaml(probe), messageType.ClrType);

        Assert.Equal(Encode(messageType, probe), Encode(messageType, back));
    }

    private static byte[] Encode(RosMessageType type, object message)
    {
        using var writer = new Sim2Real.Ros.Cdr.CdrWriter();
        type.Write(writer, message);
        return writer.Written.ToArray();
    }
}
