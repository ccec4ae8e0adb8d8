namespace Sim2Real.Runtime.Launch;

/// <summary>Which clock the runtime follows (a launch file's <c>clock:</c>).</summary>
public enum ClockSource
{
    /// <summary>The host's clock: a physical robot.</summary>
    Wall,

    /// <summary>
    /// ROS sim time from <c>/clock</c> (use_sim_time): every period, timeout and age is measured in the simulator's
    /// seconds, so a deployment against <c>sim serve --clock sim</c> runs as fast as the simulator and reproducibly.
    /// </summary>
    Sim,
}
