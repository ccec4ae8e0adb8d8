using Sim2Real.Core;
using Sim2Real.Learning.Policies;
using Sim2Real.Learning.Tensors;
using Sim2Real.Robotics.Observations;

namespace Sim2Real.Learning.Tests.Policies;

[Collection(ExportedPoliciesCollection.Name)]
public sealed class OnnxPolicyTests(ExportedPolicies exported)
{
    [Theory]
    [InlineData("wrong_input_name.onnx", "the graph has no input 'obs' (its inputs: 'observations')")]
    [InlineData("wrong_output_name.onnx", "the graph has no output 'actions' (its outputs: 'mu')")]
    [InlineData("wrong_input_size.onnx", "input 'obs' is float32[batch, {D+1}]; the sidecar's observation layout has {D} values")]
    [InlineData("wrong_action_size.onnx", "output 'actions' is float32[batch, {A+1}]; the sidecar lists {A} values")]
    [InlineData("double_output.onnx", "output 'actions' is float64[batch, {A}]; a policy's output must be a float32 tensor")]
    [InlineData("two_inputs.onnx", "the graph also needs input 'h_in'")]
    [InlineData("not_a_model.onnx", "ONNX Runtime cannot load it")]
    public void A_graph_that_does_not_match_its_sidecar_is_refused_naming_the_file_and_the_tensor(string model, string expected)
    {
        var path = exported.Broken(model);

        var error = Assert.Throws<PolicyFileException>(() => PolicyFile.Load(path));

        Assert.StartsWith($"{path}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(exported.Sizes(expected), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_finite_outputs_are_passed_through_as_they_are()
    {
        using var loaded = PolicyFile.Load(exported.Broken("nonfinite.onnx"));
        var state = new float[exported.Layout.Size];
        state[0] = 2;
        state[1] = -3;
        var action = new float[exported.Actions];

        loaded.Policy.Act(new Observation(state), action);

        Assert.Equal(float.PositiveInfinity, action[0]);
        Assert.Equal(float.NegativeInfinity, action[1]);
        Assert.All(action[2..], a => Assert.True(float.IsNaN(a)));
    }

    [Fact]
    public void A_wrong_observation_size_is_refused_naming_the_file()
    {
        using var loaded = PolicyFile.Load(exported.Onnx);

        var error = Assert.Throws<InvalidDataException>(() => loaded.Policy.Act(new Observation(new float[exported.Layout.Size - 1]), new float[exported.Actions]));

        Assert.Contains($"{exported.Onnx}: expects a state observation of shape [{exported.Layout.Size}]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_onnx_policy_on_a_gpu_device_is_refused_before_anything_loads()
    {
        var error = Assert.Throws<PolicyFileException>(() => PolicyFile.Load(exported.Onnx, Device.Cuda()));

        Assert.Contains("ONNX policies run on the CPU", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_without_its_sidecar_or_a_missing_model_is_refused_naming_the_file()
    {
        var lonely = exported.Broken("lonely.onnx");
        File.Copy(exported.Onnx, lonely, overwrite: true);
        try
        {
            var noSidecar = Assert.Throws<InvalidConfigException>(() => PolicyFile.ReadManifest(lonely));
            var noModel = Assert.Throws<PolicyFileException>(() => PolicyFile.Load(exported.Broken("absent.onnx")));

            Assert.Equal(Path.ChangeExtension(lonely, ".yaml"), noSidecar.Origin);
            Assert.Equal($"{exported.Broken("absent.onnx")}: no such file", noModel.Message);
        }
        finally
        {
            File.Delete(lonely);
        }
    }
}
