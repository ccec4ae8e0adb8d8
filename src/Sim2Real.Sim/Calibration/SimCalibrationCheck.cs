using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Rendering;
using Sim2Real.Vision;
using Sim2Real.Vision.Calibration;

namespace Sim2Real.Sim.Calibration;

/// <summary>
/// Closes the loop between the simulator and calibration: renders a chessboard in MuJoCo from cameras of known
/// fovy, calibrates from the renders, and compares the focal length with f = (h/2) / tan(fovy/2).
/// </summary>
public static class SimCalibrationCheck
{
    public sealed record Outcome(double ExpectedFocal, IntrinsicsResult Result)
    {
        public double FxError => (Result.Camera.Fx / ExpectedFocal) - 1;

        public double FyError => (Result.Camera.Fy / ExpectedFocal) - 1;
    }

    public static Outcome Run(int width, int height, double fovyDegrees, int views, string? saveFramesTo = null)
    {
        var spec = new ChessboardSpec(9, 6, 0.03);
        using var model = MjModel.FromXmlString(
            ChessboardScene.Xml(spec.Columns, spec.Rows, spec.SquareMeters, fovyDegrees, ChessboardScene.Viewpoints(views)), "calibration_chessboard.xml");
        using var data = model.CreateData();
        data.Forward();
        using var renderer = new MjRenderer(model, new RenderOptions { Width = width, Height = height, Quality = RenderQuality.High });
        var calibrator = new IntrinsicsCalibrator(new Chessboard(spec));
        for (var i = 0; i < views; i++)
        {
            var image = renderer.Render(data, $"view{i}");
            if (saveFramesTo is not null)
            {
                Directory.CreateDirectory(saveFramesTo);
                ImageCodec.Write(Path.Combine(saveFramesTo, $"view{i:00}.png"), image);
            }

            calibrator.AddView($"view{i}", image);
        }

        var expected = height / 2.0 / Math.Tan(fovyDegrees * Math.PI / 360);
        return new Outcome(expected, calibrator.Solve("mujoco"));
    }
}
