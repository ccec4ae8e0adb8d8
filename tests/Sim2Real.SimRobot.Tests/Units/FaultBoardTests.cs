using Sim2Real.SimRobot.Faults;

namespace Sim2Real.SimRobot.Tests.Units;

/// <summary>When faults start and end, on the robot's clock.</summary>
public class FaultBoardTests
{
    [Fact]
    public void A_command_line_fault_starts_at_its_time_and_ends_after_its_duration()
    {
        var board = new FaultBoard([FaultSpec.Parse("stop_joint_states,at=1,duration=0.5")]);
        var transitions = new List<FaultTransition>();

        board.Update(0.998, transitions);
        Assert.Empty(transitions);
        board.Update(1.0, transitions);
        Assert.True(board.IsActive(FaultKind.StopJointStates));
        board.Update(1.498, transitions);
        Assert.True(board.IsActive(FaultKind.StopJointStates));
        // 0.5 s after a start at 1 s, counted in 2 ms steps: 1.5 must not be missed by a rounding error.
        board.Update(750 * 0.002, transitions);
        Assert.False(board.IsActive(FaultKind.StopJointStates));
        Assert.Equal([(true, 1.0), (false, 750 * 0.002)], transitions.Select(t => (t.Started, t.TimeS)));
    }

    [Fact]
    public void Clear_ends_every_active_fault_and_a_zero_duration_lasts_until_then()
    {
        var board = new FaultBoard([]);
        var transitions = new List<FaultTransition>();
        board.Apply(new FaultSpec(FaultKind.SensorNoise, Magnitude: 0.01), 2, transitions);
        board.Apply(new FaultSpec(FaultKind.DropCamera), 2, transitions);
        board.Update(1000, transitions);
        Assert.True(board.IsActive(FaultKind.SensorNoise));

        board.Apply(new FaultSpec(FaultKind.Clear), 1000, transitions);

        Assert.Empty(board.ActiveFaults);
        Assert.Equal(4, transitions.Count);
        Assert.Equal([FaultKind.DropCamera, FaultKind.SensorNoise], transitions.Where(t => !t.Started).Select(t => t.Fault.Kind).Order());
    }

    [Fact]
    public void A_new_fault_of_a_kind_replaces_the_active_one()
    {
        var board = new FaultBoard([]);
        var transitions = new List<FaultTransition>();
        board.Apply(new FaultSpec(FaultKind.CommandLatency, 10, 0.05), 0, transitions);
        board.Apply(new FaultSpec(FaultKind.CommandLatency, 10, 0.2), 1, transitions);

        Assert.Equal(0.2, board.Active(FaultKind.CommandLatency)!.Magnitude);
        board.Update(10.5, transitions);
        Assert.True(board.IsActive(FaultKind.CommandLatency));
    }
}
