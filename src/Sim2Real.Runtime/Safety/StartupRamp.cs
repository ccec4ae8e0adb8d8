namespace Sim2Real.Runtime.Safety;

/// <summary>
/// The runtime's own start-up ramp, after start-up and after every reset: commanded targets start at the measured
/// pose and move toward the policy's targets at no more than the ramp speed, until they have caught up; from then
/// on the policy's targets pass through. Each joint leaves the ramp when it has caught up, so a target that keeps
/// moving (a gait) ends its joint's ramp the first time the ramp meets it. Training never sees it: an episode there
/// starts with the robot at home.
/// </summary>
internal sealed class StartupRamp
{
    private readonly double _maxStep;
    private readonly double[] _current;
    private readonly bool[] _caught;

    public StartupRamp(int joints, double rateRadS, double periodS)
    {
        _maxStep = rateRadS * periodS;
        _current = new double[joints];
        _caught = new bool[joints];
    }

    public bool Active { get; private set; }

    public void Start(ReadOnlySpan<double> measured)
    {
        measured.CopyTo(_current);
        Array.Clear(_caught);
        Active = true;
    }

    public void Stop() => Active = false;

    /// <summary>Writes the commanded targets for <paramref name="target"/> (passed through once the ramp is over).</summary>
    public void Apply(ReadOnlySpan<double> target, Span<double> output)
    {
        if (!Active)
        {
            target.CopyTo(output);
            return;
        }

        var caughtUp = true;
        for (var i = 0; i < _current.Length; i++)
        {
            var gap = target[i] - _current[i];
            if (!_caught[i] && Math.Abs(gap) > _maxStep)
            {
                caughtUp = false;
                _current[i] += Math.CopySign(_maxStep, gap);
            }
            else
            {
                _caught[i] = true;
                _current[i] = target[i];
            }
        }

        _current.CopyTo(output);
        Active = !caughtUp;
    }
}
