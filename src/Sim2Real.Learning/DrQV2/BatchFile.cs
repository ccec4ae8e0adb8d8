using Sim2Real.Learning.Checkpoints;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.DrQV2;

/// <summary>
/// A stored batch of n-step transitions in safetensors: obs, action, reward [B,1], discount [B,1] (gamma^n),
/// next_obs. Used for offline updates from logged data and for cross-checks.
/// </summary>
public static class BatchFile
{
    public static readonly string[] Names = ["obs", "action", "reward", "discount", "next_obs"];

    /// <exception cref="InvalidDataException">A tensor is missing or the tensors disagree in B; the message names the file.</exception>
    public static TransitionBatch Load(string path, Device? device = null)
    {
        using var file = SafetensorsFile.Open(path);
        var missing = Names.Where(n => !file.Contains(n)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{path}: batch lacks {string.Join(", ", missing)} (holds: {string.Join(", ", file.Tensors)})");
        }

        var tensors = Names.Select(n => file[n].ToTensor(device)).ToArray();
        var batch = new TransitionBatch(tensors[0], tensors[1].Float(), tensors[2].Float(), tensors[3].Float(), tensors[4]);
        try
        {
            batch.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }

        return batch;
    }

    public static void Save(string path, TransitionBatch batch)
    {
        batch.Validate();
        SafetensorsWriter.Write(path, [
            batch.Obs.ToSafeTensor("obs"), batch.Action.ToSafeTensor("action"), batch.Reward.ToSafeTensor("reward"),
            batch.Discount.ToSafeTensor("discount"), batch.NextObs.ToSafeTensor("next_obs")]);
    }
}
