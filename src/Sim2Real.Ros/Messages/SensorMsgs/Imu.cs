using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Messages.StdMsgs;

namespace Sim2Real.Ros.Messages.SensorMsgs;

/// <summary>sensor_msgs/msg/Imu: Inertial measurement: orientation, angular velocity, linear acceleration and their covariances.</summary>
public sealed record Imu : IRosMessage<Imu>
{
    public static RosTypeName TypeName { get; } = new("sensor_msgs", "Imu");

    public Header Header { get; init; } = new();

    public Quaternion Orientation { get; init; } = new();

    [RosFixedLength(9)]
    public double[] OrientationCovariance { get; init; } = new double[9];

    public Vector3 AngularVelocity { get; init; } = new();

    [RosFixedLength(9)]
    public double[] AngularVelocityCovariance { get; init; } = new double[9];

    public Vector3 LinearAcceleration { get; init; } = new();

    [RosFixedLength(9)]
    public double[] LinearAccelerationCovariance { get; init; } = new double[9];

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Header.Write(writer);
        Orientation.Write(writer);
        writer.Float64Array(OrientationCovariance, 9, "orientation_covariance");
        AngularVelocity.Write(writer);
        writer.Float64Array(AngularVelocityCovariance, 9, "angular_velocity_covariance");
        LinearAcceleration.Write(writer);
        writer.Float64Array(LinearAccelerationCovariance, 9, "linear_acceleration_covariance");
    }

    public static Imu Read(ref CdrReader reader) => new()
    {
        Header = Header.Read(ref reader),
        Orientation = Quaternion.Read(ref reader),
        OrientationCovariance = reader.Float64Array(9),
        AngularVelocity = Vector3.Read(ref reader),
        AngularVelocityCovariance = reader.Float64Array(9),
        LinearAcceleration = Vector3.Read(ref reader),
        LinearAccelerationCovariance = reader.Float64Array(9),
    };
}
