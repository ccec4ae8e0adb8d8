using Sim2Real.Learning.Checkpoints;

namespace Sim2Real.Learning.Tests.Checkpoints;

public class TensorSpecTests
{
    [Fact]
    public void Checkpoint_matching_the_network_passes()
    {
        var file = SafetensorsFile.Parse(SafetensorsWriter.Serialize([SafeTensor.Create<float>("actor.trunk.0.weight", [2, 3], new float[6])]), "ok.safetensors");
        file.Verify([new TensorSpec("actor.trunk.0.weight", SafetensorsDtype.F32, [2, 3])]);
    }

    [Fact]
    public void Mismatch_lists_missing_extra_and_wrongly_shaped_tensors_with_their_shapes()
    {
        var file = SafetensorsFile.Parse(SafetensorsWriter.Serialize(
        [
            SafeTensor.Create<float>("encoder.convnet.0.weight", [32, 3, 3, 3], new float[32 * 27]),
            SafeTensor.Create<float>("actor.trunk.0.weight", [50, 100], new float[5000]),
            SafeTensor.Create<double>("critic.Q1.0.bias", [4], new double[4]),
            SafeTensor.Create<float>("stray", [1], [0f]),
        ]), "agent.safetensors");

        var error = Assert.Throws<CheckpointMismatchException>(() => file.Verify(
        [
            new TensorSpec("encoder.convnet.0.weight", SafetensorsDtype.F32, [32, 9, 3, 3]),
            new TensorSpec("actor.trunk.0.weight", SafetensorsDtype.F32, [50, 100]),
            new TensorSpec("critic.Q1.0.bias", SafetensorsDtype.F32, [4]),
            new TensorSpec("critic.Q2.4.bias", SafetensorsDtype.F32, [1]),
        ]));

        Assert.Equal(["critic.Q2.4.bias"], error.Missing.Select(s => s.Name));
        Assert.Equal(["stray"], error.Extra.Select(s => s.Name));
        Assert.Equal(["critic.Q1.0.bias", "encoder.convnet.0.weight"], error.Mismatched.Select(m => m.Expected.Name));
        Assert.Contains("agent.safetensors: checkpoint does not match the network (1 missing, 1 unexpected, 2 wrongly shaped)", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing:       critic.Q2.4.bias F32 [1]", error.Message, StringComparison.Ordinal);
        Assert.Contains("unexpected:    stray F32 [1]", error.Message, StringComparison.Ordinal);
        Assert.Contains("encoder.convnet.0.weight: expected F32 [32, 9, 3, 3], found F32 [32, 3, 3, 3]", error.Message, StringComparison.Ordinal);
        Assert.Contains("critic.Q1.0.bias: expected F32 [4], found F64 [4]", error.Message, StringComparison.Ordinal);
    }
}
