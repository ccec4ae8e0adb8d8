using Sim2Real.Core;
using Sim2Real.Learning.Policies;
using Sim2Real.Learning.Tensors;

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
