using Sim2Real.Ros.Messages.GeometryMsgs;

namespace Sim2Real.Runtime.Pipeline;

/// <summary>The newest task command: a reach target (world frame, m) or a velocity command (vx, vy, yaw rate).</summary>
internal sealed class TaskCommandInput(string topic)
{
    private readonly double[] _target = new double[3];
    private readonly double[] _velocity = new double[3];

    public bool HasSample { get; private set; }

    public DateTimeOffset ArrivedAt { get; private set; }

    public ReadOnlySpan<double> Target => _target;

    public ReadOnlySpan<double> Velocity => _velocity;

    /// <exception cref="RuntimeInputException">A non-finite coordinate.</exception>
    public void Accept(PointStamped message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        Take(_target, message.Point.X, message.Point.Y, message.Point.Z, now);
    }

    /// <exception cref="RuntimeInputException">A non-finite velocity.</exception>
    public void Accept(Twist message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        Take(_velocity, message.Linear.X, message.Linear.Y, message.Angular.Z, now);
    }

    private void Take(double[] into, double a, double b, double c, DateTimeOffset now)
    {
        if (!double.IsFinite(a) || !double.IsFinite(b) || !double.IsFinite(c))
        {
            throw new RuntimeInputException(topic, "the task command holds a non-finite value");
        }

        into[0] = a;
        into[1] = b;
        into[2] = c;
        HasSample = true;
        ArrivedAt = now;
    }
}
