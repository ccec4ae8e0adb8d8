using Sim2Real.Core;
using Sim2Real.Robotics.Observations;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Randomization;
using Sim2Real.Sim.Robots;

namespace Sim2Real.Sim.Tasks;

/// <summary>
/// Reach with an unknown payload (RMA's CPU-sized proof, issue 19): each episode adds a payload of
/// <see cref="PayloadReachTaskOptions.PayloadKg"/> to the hand body's mass, so the PD servos sag by an amount that
/// depends on it and on the world's motor strength; a new target appears every target period and success is the
/// hand within 2 cm of the last one at the episode's end. The payload is the task's own factor, reported as the
/// metric <c>payload_kg</c> beside the world's factors; it may change mid-episode (a probability per control step,
/// or one scripted jump). Metrics also carry the actuators' mean |torque| and mean |Δtorque| per control step.
/// </summary>
internal sealed class PayloadReachTask : ITask
{
    public const string PayloadMetric = "payload_kg";
    public const string DistanceMetric = "distance_m";
    public const string TorqueMetric = "torque_nm";
    public const string TorqueChangeMetric = "torque_change_nm";

    private readonly PayloadReachTaskOptions _options;
    private readonly ReachGoal _goal;
    private readonly MjModel _model;
    private readonly int _body;
    private readonly double _controlPeriodS;
    private readonly double[] _previousForce;
    private Random _random = new(0);
    private double _bodyMass;
    private double _payload;
    private int _step = -1;

    public PayloadReachTask(MjModel model, RobotConfig robot, PayloadReachTaskOptions options)
    {
        _options = options;
        _model = model;
        _goal = new ReachGoal(model, robot, options.Reach, "reach_payload");
        _body = model.BodyId(options.PayloadBody);
        _controlPeriodS = robot.Control.PeriodS;
        _previousForce = new double[model.nu];
    }

    public int EpisodeControlSteps => _options.Reach.EpisodeControlSteps;

    public IReadOnlyList<ObservationField> Layout => ObservationLayouts.Reach;

    public int TaskStateSize => 0;

    public IReadOnlyList<double> Target => _goal.Target;

    /// <summary>The payload now at the hand (kg).</summary>
    public double PayloadKg => _payload;

    public void Reset(MjData data, Random random)
    {
        _random = random;
        _goal.PerturbStart(data, random);

        // The world's randomizer has just written this episode's body masses; the payload adds to them.
        _bodyMass = _model.body_mass[_body];
        SetPayload(FactorSampler.Uniform(random, _options.PayloadKg));
        _goal.NewTarget(data, random);
        Array.Clear(_previousForce);
        _step = 0;
    }

    public void WriteInputs(MjData data, ObservationInputs inputs) => _goal.WriteTarget(inputs.Target);

    public TaskOutcome Evaluate(MjData data, in StepContext context)
    {
        // Targets and payload changes happen on control-step boundaries, counted from the simulated time, so the
        // verdict at one instant is the same however often it is asked for.
        var step = (int)Math.Round(data.time / _controlPeriodS);
        while (_step < step)
        {
            _step++;
            Advance(data, _step);
        }

        var (distance, success, reward) = _goal.Score(data);

        var force = data.actuator_force;
        double torque = 0, change = 0;
        for (var i = 0; i < force.Length; i++)
        {
            torque += Math.Abs(force[i]);
            change += Math.Abs(force[i] - _previousForce[i]);
            _previousForce[i] = force[i];
        }

        var n = Math.Max(1, force.Length);
        return new TaskOutcome(reward, false, success, new Dictionary<string, double>
        {
            [DistanceMetric] = distance,
            [PayloadMetric] = _payload,
            [TorqueMetric] = torque / n,
            [TorqueChangeMetric] = change / n,
        });
    }

    private void Advance(MjData data, int step)
    {
        if (step % _options.TargetPeriodSteps == 0 && step < _options.Reach.EpisodeControlSteps)
        {
            _goal.NewTarget(data, _random);
        }

        if (_options.PayloadResampleProbability > 0 && _random.NextDouble() < _options.PayloadResampleProbability)
        {
            SetPayload(FactorSampler.Uniform(_random, _options.PayloadKg));
        }

        if (step == _options.PayloadJumpStep)
        {
            SetPayload(_options.PayloadJumpKg);
        }
    }

    // A point mass at the body's centre of mass: its rotational inertia about that point is unchanged.
    private void SetPayload(double kg)
    {
        _payload = kg;
        _model.body_mass[_body] = _bodyMass + kg;
    }
}
