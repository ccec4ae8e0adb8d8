using System.Globalization;
using Sim2Real.Robotics.Geometry;
using Sim2Real.Robotics.Observations;
using Sim2Real.Ros.Messages.NavMsgs;

namespace Sim2Real.Runtime.Pipeline;

/// <summary>
/// The floating base's newest state estimate (nav_msgs/Odometry): pose in the odom frame, linear velocity rotated
/// from the base frame (odometry's child_frame_id) into the world frame as <see cref="BaseState"/> wants it, angular
/// velocity in the base frame; and roll and pitch for the tilt rule.
/// </summary>
internal sealed class BaseInput(string topic)
{
    public bool HasSample { get; private set; }

    public DateTimeOffset ArrivedAt { get; private set; }

    public BaseState State { get; private set; } = BaseState.AtRest;

    public double Roll { get; private set; }

    public double Pitch { get; private set; }

    public double Height => State.Pose.Position.Z;

    /// <exception cref="RuntimeInputException">A non-finite value or a degenerate orientation.</exception>
    public void Accept(Odometry message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        var p = message.Pose.Pose.Position;
        var o = message.Pose.Pose.Orientation;
        var v = message.Twist.Twist.Linear;
        var w = message.Twist.Twist.Angular;
        double[] values = [p.X, p.Y, p.Z, o.W, o.X, o.Y, o.Z, v.X, v.Y, v.Z, w.X, w.Y, w.Z];
        if (values.Any(x => !double.IsFinite(x)))
        {
            throw new RuntimeInputException(topic, "odometry holds a non-finite value");
        }

        var norm = Math.Sqrt((o.W * o.W) + (o.X * o.X) + (o.Y * o.Y) + (o.Z * o.Z));
        if (Math.Abs(norm - 1) > 0.1)
        {
            throw new RuntimeInputException(topic, string.Create(CultureInfo.InvariantCulture, $"orientation quaternion has norm {norm:0.###}; it must be a unit quaternion"));
        }

        var q = new Quat(o.W, o.X, o.Y, o.Z).Normalized();
        State = new BaseState(new Pose(new Vec3(p.X, p.Y, p.Z), q), q.Rotate(new Vec3(v.X, v.Y, v.Z)), new Vec3(w.X, w.Y, w.Z));
        // ZYX Euler angles (REP 103): roll about x, pitch about y.
        Roll = Math.Atan2(2 * ((q.W * q.X) + (q.Y * q.Z)), 1 - (2 * ((q.X * q.X) + (q.Y * q.Y))));
        Pitch = Math.Asin(Math.Clamp(2 * ((q.W * q.Y) - (q.Z * q.X)), -1, 1));
        HasSample = true;
        ArrivedAt = now;
    }
}
