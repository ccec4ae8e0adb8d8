namespace Sim2Real.Core;

/// <summary>The independent random streams inside one episode's world (values are part of the seed definition).</summary>
public enum EpisodeStream
{
    /// <summary>Physics factors: masses, friction, gains, latency (RMA's e_t).</summary>
    Physics = 1,

    /// <summary>The task: initial pose noise, targets, commands.</summary>
    Task = 2,

    /// <summary>Sensor noise and pushes during the episode.</summary>
    Noise = 3,

    /// <summary>Lights, colours and camera pose.</summary>
    Visual = 4,

    /// <summary>Mid-episode re-sampling of the physics factors (RMA's test setting).</summary>
    Resample = 5,
}
