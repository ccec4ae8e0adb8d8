using Sim2Real.Learning.Policies;
using Sim2Real.Learning.Tensors;
using Sim2Real.Robotics.Policies;

namespace Sim2Real.Learning.Tests.Policies;

[Collection(ExportedPoliciesCollection.Name)]
public sealed class TorchScriptPolicyTests(ExportedPolicies exported)
{
    [Theory]
    [InlineData("wrong_action_size.pt", "forward(float32[1, {D}]) returned float32[1, {A+1}]; ")]
    [InlineData("double_output.pt", "forward(float32[1, {D}]) returned float64[1, {A}]; ")]
    [InlineData("wrong_input_size.pt", "forward(float32[1, {D}]) failed: ")]
    [InlineData("not_a_model.pt", "libtorch cannot load it as a TorchScript module")]
    public void A_module_that_does_not_fit_its_sidecar_is_refused_naming_the_file(string model, string expected)
    {
        var path = exported.Broken(model);

        var error = Assert.Throws<PolicyFileException>(() => PolicyFile.Load(path));

        Assert.StartsWith($"{path}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(exported.Sizes(expected), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Traceback", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Disposing_the_policy_frees_its_module_at_once_so_it_can_no_longer_act()
    {
        var policy = TorchScriptPolicy.Load(PolicySidecarFile.Read(exported.TorchScript, PolicySidecar.TorchScriptKind), Device.Cpu);
        var action = new float[exported.Actions];
        policy.Act(exported.Row(0), action);

        policy.Dispose();

        Assert.Throws<ObjectDisposedException>(() => policy.Act(exported.Row(0), action));
    }
}
