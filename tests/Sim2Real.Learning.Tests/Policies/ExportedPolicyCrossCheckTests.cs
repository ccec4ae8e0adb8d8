using Sim2Real.Learning.Policies;
using Sim2Real.Robotics.Policies;
using Xunit.Abstractions;

namespace Sim2Real.Learning.Tests.Policies;

[Collection(ExportedPoliciesCollection.Name)]
public sealed class ExportedPolicyCrossCheckTests(ExportedPolicies exported, ITestOutputHelper output)
{
    private const float Tolerance = 1e-5f;

    [Fact]
    public void The_same_weights_act_alike_through_our_bundle_the_onnx_graph_and_the_torchscript_module()
    {
        using var bundle = PolicyFile.Load(exported.Bundle);
        var reference = ActAll(bundle.Policy);
        var worst = 0f;
        foreach (var path in new[] { exported.Onnx, exported.OnnxDynamicBatch, exported.TorchScript, exported.TorchScriptTraced })
        {
            using var loaded = PolicyFile.Load(path);
            var actions = ActAll(loaded.Policy);

            var difference = MaxDifference(reference, actions);
            var fromTorch = MaxDifference(exported.TorchActions, actions);
            output.WriteLine($"{Path.GetFileName(path)}: max |action - bundle| = {difference:E2}, max |action - PyTorch| = {fromTorch:E2}");
            Assert.True(difference <= Tolerance, $"{path}: differs from the bundle by {difference} (tolerance {Tolerance})");
            Assert.True(fromTorch <= Tolerance, $"{path}: differs from PyTorch by {fromTorch} (tolerance {Tolerance})");
            worst = Math.Max(worst, difference);
        }

        var bundleFromTorch = MaxDifference(exported.TorchActions, reference);
        output.WriteLine($"bundle: max |action - PyTorch| = {bundleFromTorch:E2}; largest difference from the bundle: {worst:E2}");
        Assert.True(bundleFromTorch <= Tolerance, $"the bundle differs from PyTorch by {bundleFromTorch}");
        Assert.Contains(reference, a => Math.Abs(a) > 0.1f);
    }

    [Fact]
    public void An_exported_policy_describes_itself_like_the_bundle_and_fits_arm6()
    {
        var bundle = PolicyFile.ReadManifest(exported.Bundle);
        var onnx = PolicyFile.ReadManifest(exported.Onnx);
        var script = PolicyFile.ReadManifest(exported.TorchScript);

        foreach (var (manifest, kind) in new[] { (onnx, PolicySidecar.OnnxKind), (script, PolicySidecar.TorchScriptKind) })
        {
            var warnings = PolicyCompatibility.Check(manifest, exported.Robot, "exported");
            PolicyCompatibility.CheckLayout(manifest, exported.Layout, "exported", "reach layout");

            Assert.Equal(kind, manifest.Agent.Kind);
            Assert.Equal(bundle.Robot.Joints.Select(Joint), manifest.Robot.Joints.Select(Joint));
            Assert.Equal(bundle.Timing, manifest.Timing);
            Assert.Equal(bundle.Agent.ObsShape, manifest.Agent.ObsShape);
            Assert.Equal(bundle.ActionSize, manifest.ActionSize);
            Assert.Contains("other robot files", Assert.Single(warnings), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Policy_info_text_for_an_onnx_model_names_its_kind_tensors_and_joints()
    {
        var text = PolicyManifestText.Describe(PolicyFile.ReadManifest(exported.Onnx), exported.Onnx);

        Assert.Contains("agent: onnx", text, StringComparison.Ordinal);
        Assert.Contains(exported.Sizes("input 'obs' float32[batch, {D}] -> output 'actions' float32[batch, {A}]"), text, StringComparison.Ordinal);
        Assert.Contains("clip_actions: 1", text, StringComparison.Ordinal);
        Assert.Contains("elbow", text, StringComparison.Ordinal);
    }

    private static string Joint(PolicyJoint j) => $"{j.Name} {j.HomeRad} {j.ActionScaleRad} [{string.Join(", ", j.PositionLimitRad)}] {j.VelocityLimitRadS}";

    private float[] ActAll(IPolicy policy)
    {
        var actions = new float[ExportedPolicies.Observations * exported.Actions];
        for (var i = 0; i < ExportedPolicies.Observations; i++)
        {
            policy.Act(exported.Row(i), actions.AsSpan(i * exported.Actions, exported.Actions));
        }

        return actions;
    }

    private static float MaxDifference(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        return a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
    }
}
