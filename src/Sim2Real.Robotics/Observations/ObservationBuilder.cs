using Sim2Real.Core;
using Sim2Real.Robotics.Geometry;
using Sim2Real.Robotics.Kinematics;
using Sim2Real.Robotics.Spec;

namespace Sim2Real.Robotics.Observations;

/// <summary>
/// Builds the state vector of an <see cref="ObservationLayout"/> from measured inputs: one pure function used by the
/// simulator and by anything that reads a real robot, so both give the same bits for the same readings. The
/// end-effector position is forward kinematics of the measured joint positions, as a robot without MuJoCo computes
/// it. Not thread-safe (it reuses a scratch buffer for link poses); allocation-free per call.
/// </summary>
public sealed class ObservationBuilder
{
    private static readonly Vec3 Down = new(0, 0, -1);
    private readonly RobotSpec _robot;
    private readonly ForwardKinematics? _kinematics;
    private readonly KinematicFrame? _endEffector;
    private readonly Pose[] _links;
    private readonly double[] _home;

    /// <exception cref="InvalidConfigException">The layout needs something this robot lacks (an end effector, a floating base).</exception>
    public ObservationBuilder(ObservationLayout layout, RobotSpec robot)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(robot);
        Layout = layout;
        _robot = robot;
        _home = robot.Home();
        if (layout.Fields.Any(f => ObservationSources.NeedsEndEffector(f.Source)))
        {
            var site = robot.EndEffectorSite
                ?? throw new InvalidConfigException(robot.Source, "end_effector_site", $"the observation needs an end effector; robot '{robot.Name}' names none");
            _endEffector = robot.Kinematics.Frame(site);
            _kinematics = new ForwardKinematics(robot.Kinematics, robot.JointNames);
        }

        if (!robot.FloatingBase && layout.Fields.FirstOrDefault(f => ObservationSources.NeedsOdometry(f.Source)) is { } odometry)
        {
            throw new InvalidConfigException(robot.Source, "observation", $"field '{odometry.Name}' needs a floating base; robot '{robot.Name}' is fixed");
        }

        _links = new Pose[robot.Kinematics.Links.Count];
    }

    public ObservationLayout Layout { get; }

    public int Size => Layout.Size;

    /// <summary>Writes the state vector for <paramref name="inputs"/> into <paramref name="state"/> (Layout.Size floats).</summary>
    public void Build(ObservationInputs inputs, Span<float> state)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (state.Length != Layout.Size)
        {
            throw new ArgumentException($"state holds {state.Length} floats; the layout has {Layout.Size}", nameof(state));
        }

        if (inputs.JointPositions.Length != _home.Length)
        {
            throw new ArgumentException($"inputs are for {inputs.JointPositions.Length} joints; robot '{_robot.Name}' has {_home.Length}", nameof(inputs));
        }

        var endEffector = _endEffector is null ? Vec3.Zero : EndEffector(inputs.JointPositions);
        var orientation = inputs.Base.Pose.Orientation;
        Span<double> raw = stackalloc double[3];
        for (var f = 0; f < Layout.Fields.Count; f++)
        {
            var field = Layout.Fields[f];
            var output = state.Slice(Layout.Offsets[f], field.Size);
            switch (field.Source)
            {
                case ObservationSource.JointPosition:
                    Write(field, inputs.JointPositions, output, field.OffsetHome ? _home : null);
                    break;
                case ObservationSource.JointVelocity:
                    Write(field, inputs.JointVelocities, output, null);
                    break;
                case ObservationSource.PreviousAction:
                    WriteFloats(field, inputs.PreviousAction, output);
                    break;
                case ObservationSource.TaskState:
                    WriteFloats(field, inputs.TaskState, output);
                    break;
                case ObservationSource.TargetPosition:
                    Write(field, inputs.Target, output, null);
                    break;
                case ObservationSource.VelocityCommand:
                    Write(field, inputs.VelocityCommand, output, null);
                    break;
                case ObservationSource.EndEffectorPosition:
                    endEffector.CopyTo(raw);
                    Write(field, raw, output, null);
                    break;
                case ObservationSource.TargetMinusEndEffector:
                    (Vec3.From(inputs.Target) - endEffector).CopyTo(raw);
                    Write(field, raw, output, null);
                    break;
                case ObservationSource.BaseLinearVelocity:
                    orientation.InverseRotate(inputs.Base.LinearVelocityWorld).CopyTo(raw);
                    Write(field, raw, output, null);
                    break;
                case ObservationSource.BaseAngularVelocity:
                    inputs.Base.AngularVelocityBase.CopyTo(raw);
                    Write(field, raw, output, null);
                    break;
                case ObservationSource.ProjectedGravity:
                    orientation.InverseRotate(Down).CopyTo(raw);
                    Write(field, raw, output, null);
                    break;
                case ObservationSource.BaseHeight:
                    raw[0] = inputs.Base.Pose.Position.Z;
                    Write(field, raw[..1], output, null);
                    break;
                default:
                    throw new InvalidOperationException($"observation source {field.Source} has no reader");
            }
        }
    }

    /// <summary>The end-effector site's world position for joint positions in spec order.</summary>
    public Vec3 EndEffector(ReadOnlySpan<double> jointPositions)
    {
        if (_kinematics is null || _endEffector is null)
        {
            throw new InvalidOperationException($"the layout reads no end effector");
        }

        _kinematics.Solve(jointPositions, Pose.Identity, _links);
        return ForwardKinematics.FramePose(_endEffector, _links).Position;
    }

    private static void Write(ObservationField field, ReadOnlySpan<double> values, Span<float> output, double[]? home)
    {
        if (values.Length != field.Size)
        {
            throw new ArgumentException($"field '{field.Name}' has {field.Size} values; the input has {values.Length}");
        }

        for (var i = 0; i < output.Length; i++)
        {
            var v = values[i] - (home is null ? field.OffsetAt(i) : home[i]);
            output[i] = Finish(field, i, v);
        }
    }

    private static void WriteFloats(ObservationField field, ReadOnlySpan<float> values, Span<float> output)
    {
        if (values.Length != field.Size)
        {
            throw new ArgumentException($"field '{field.Name}' has {field.Size} values; the input has {values.Length}");
        }

        for (var i = 0; i < output.Length; i++)
        {
            output[i] = Finish(field, i, values[i] - field.OffsetAt(i));
        }
    }

    // Scale and clip in double, then one rounding to float: an unscaled field is exactly (float)(raw - offset).
    private static float Finish(ObservationField field, int i, double value)
    {
        var scale = field.ScaleAt(i);
        if (scale != 1)
        {
            value *= scale;
        }

        if (field.Clip is { } c)
        {
            value = Math.Clamp(value, -c, c);
        }

        return (float)value;
    }
}
