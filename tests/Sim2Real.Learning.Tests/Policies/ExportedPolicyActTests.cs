using Sim2Real.Learning.Policies;
using Sim2Real.Robotics.Observations;

namespace Sim2Real.Learning.Tests.Policies;

/// <summary>What an exported policy does at Act, alike whichever engine runs it (ONNX Runtime or libtorch's TorchScript).</summary>
[Collection(ExportedPoliciesCollection.Name)]
public sealed class ExportedPolicyActTests(ExportedPolicies exported)
{
    [Theory]
    [InlineData("nonfinite.onnx")]
    [InlineData("nonfinite.pt")]
    public void Non_finite_outputs_are_passed_through_as_they_are(string model)
    {
        using var loaded = PolicyFile.Load(exported.Broken(model));
        var state = new float[exported.Layout.Size];
        state[0] = 2;
        state[1] = -3;
        var action = new float[exported.Actions];

        loaded.Policy.Act(new Observation(state), action);

        Assert.Equal(float.PositiveInfinity, action[0]);
        Assert.Equal(float.NegativeInfinity, action[1]);
        Assert.All(action[2..], a => Assert.True(float.IsNaN(a)));
    }

    [Theory]
    [InlineData("onnx", -1)]
    [InlineData("onnx", 1)]
    [InlineData("torchscript", -1)]
    [InlineData("torchscript", 1)]
    public void A_wrong_observation_size_is_refused_naming_the_file(string format, int extra)
    {
        var path = format == "onnx" ? exported.Onnx : exported.TorchScript;
        using var loaded = PolicyFile.Load(path);

        var error = Assert.Throws<InvalidDataException>(() => loaded.Policy.Act(new Observation(new float[exported.Layout.Size + extra]), new float[exported.Actions]));

        Assert.StartsWith($"{path}: expects a state observation of shape [{exported.Layout.Size}]", error.Message, StringComparison.Ordinal);
    }
}
