using Sim2Real.Sim.Calibration;

namespace Sim2Real.Sim.Tests.Calibration;

public class SimCalibrationCheckTests
{
    [Theory]
    [InlineData(45.0)]
    [InlineData(60.0)]
    public void Calibrating_mujoco_renders_recovers_the_focal_length_of_the_cameras_fovy(double fovy)
    {
        var outcome = SimCalibrationCheck.Run(640, 480, fovy, views: 12);

        // f = (h/2) / tan(fovy/2): 579.4 px at 45 degrees, 415.7 px at 60 degrees.
        Assert.Equal(240 / Math.Tan(fovy * Math.PI / 360), outcome.ExpectedFocal, 9);
        Assert.Empty(outcome.Result.Rejected);
        Assert.True(Math.Abs(outcome.FxError) < 0.005, $"fx {outcome.Result.Camera.Fx:0.###} vs {outcome.ExpectedFocal:0.###} ({outcome.FxError:P3})");
        Assert.True(Math.Abs(outcome.FyError) < 0.005, $"fy {outcome.Result.Camera.Fy:0.###} vs {outcome.ExpectedFocal:0.###} ({outcome.FyError:P3})");
        Assert.True(outcome.Result.RmsErrorPixels < 0.3, $"RMS {outcome.Result.RmsErrorPixels} px");
    }
}
