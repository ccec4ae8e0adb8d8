namespace Sim2Real.Runtime.Pipeline;

/// <summary>Why the loop (re)starts the policy from the measured pose.</summary>
internal enum ArmKind
{
    None,

    /// <summary>First time running: ramp from the measured pose.</summary>
    Startup,

    /// <summary>After a reset released the trips: ramp from the measured pose.</summary>
    Reset,

    /// <summary>A simulated episode began with the robot put at home: no ramp, as in training.</summary>
    Episode,
}
