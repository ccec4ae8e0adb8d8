using System.Diagnostics;
using Sim2Real.Learning.Checkpoints;

namespace Sim2Real.Learning.Tests.Checkpoints;

/// <summary>
/// Cross-checks with Debian's python3 and torch through an independent reader/writer written from the format
/// specification (python/safetensors_ref.py), since the safetensors package itself is not installed there.
/// </summary>
public class PythonCrossCheckTests
{

    [Fact]
    public void Torch_tensors_written_by_python_read_back_exactly_and_round_trip_through_csharp()
    {
        using var dir = new TempDirectory();
        var fromPython = dir.File("torch.safetensors");
        var originals = dir.File("torch.pt");
        var back = dir.File("back.safetensors");
        Python("make", fromPython, originals);

        using (var file = SafetensorsFile.Open(fromPython))
        {
            Assert.Equal("python", file.Metadata["written_by"]);
            Assert.Equal(FormulaTensors().Select(t => (t.Dtype, t.Shape.ToArray(), t.Data.ToArray())),
                FormulaTensors().Select(t => file[t.Name]).Select(t => (t.Dtype, t.Shape.ToArray(), t.Data.ToArray())));
            Assert.Equal(File.ReadAllBytes(fromPython), SafetensorsWriter.Serialize(file.Tensors, file.Metadata));
            SafetensorsWriter.Write(back, file.Tensors.Select(Retyped).ToList());
        }

        Assert.StartsWith("identical: 23 tensors", Python("same", originals, back), StringComparison.Ordinal);
    }

    [Fact]
    public void File_written_by_csharp_loads_in_torch_with_the_same_values_and_layout()
    {
        using var dir = new TempDirectory();
        var path = dir.File("csharp.safetensors");
        SafetensorsWriter.Write(path, FormulaTensors(), new Dictionary<string, string> { ["format"] = "pt", ["note"] = "c# \"quoted\"\n" });

        var output = Python("formula", path);

        Assert.Contains("formula ok, layout identical", output, StringComparison.Ordinal);
        Assert.Contains("\"note\": \"c# \\\"quoted\\\"\\n\"", output, StringComparison.Ordinal);
    }

    /// <summary>The values python's script computes in torch: i*0.25-3 for floats, i*5-60 signed, i*10 for U8, i%3==0 for BOOL.</summary>
    private static IEnumerable<SafeTensor> FormulaTensors()
    {
        long[] shape = [2, 3, 4];
        var i = Enumerable.Range(0, 24).ToArray();
        yield return SafeTensor.Create("x.BOOL", shape, i.Select(v => v % 3 == 0).ToArray().AsSpan());
        yield return SafeTensor.Create("x.U8", shape, i.Select(v => (byte)(v * 10)).ToArray().AsSpan());
        yield return SafeTensor.Create("x.I8", shape, i.Select(v => (sbyte)(v * 5 - 60)).ToArray().AsSpan());
        yield return SafeTensor.Create("x.I16", shape, i.Select(v => (short)(v * 5 - 60)).ToArray().AsSpan());
        yield return SafeTensor.Create("x.I32", shape, i.Select(v => v * 5 - 60).ToArray().AsSpan());
        yield return SafeTensor.Create("x.I64", shape, i.Select(v => (long)(v * 5 - 60)).ToArray().AsSpan());
        yield return SafeTensor.Create("x.F16", shape, i.Select(v => (Half)(v * 0.25 - 3)).ToArray().AsSpan());
        yield return SafeTensor.CreateBFloat16("x.BF16", shape, i.Select(v => (ushort)(BitConverter.SingleToInt32Bits((float)(v * 0.25 - 3)) >> 16)).ToArray());
        yield return SafeTensor.Create("x.F32", shape, i.Select(v => (float)(v * 0.25 - 3)).ToArray().AsSpan());
        yield return SafeTensor.Create("x.F64", shape, i.Select(v => v * 0.25 - 3).ToArray().AsSpan());
    }

    /// <summary>Rebuilds a tensor from its typed values (not its raw bytes), as a loader copying weights would.</summary>
    private static SafeTensor Retyped(SafeTensor t) => t.Dtype switch
    {
        SafetensorsDtype.F32 => SafeTensor.Create(t.Name, t.Shape.ToArray(), t.AsSpan<float>()),
        SafetensorsDtype.F64 => SafeTensor.Create(t.Name, t.Shape.ToArray(), t.AsSpan<double>()),
        SafetensorsDtype.F16 => SafeTensor.Create(t.Name, t.Shape.ToArray(), t.AsSpan<Half>()),
        SafetensorsDtype.BF16 => SafeTensor.CreateBFloat16(t.Name, t.Shape.ToArray(), t.AsSpan<ushort>()),
        SafetensorsDtype.I64 => SafeTensor.Create(t.Name, t.Shape.ToArray(), t.AsSpan<long>()),
        SafetensorsDtype.I32 => SafeTensor.Create(t.Name, t.Shape.ToArray(), t.AsSpan<int>()),
        SafetensorsDtype.I16 => SafeTensor.Create(t.Name, t.Shape.ToArray(), t.AsSpan<short>()),
        SafetensorsDtype.I8 => SafeTensor.Create(t.Name, t.Shape.ToArray(), t.AsSpan<sbyte>()),
        SafetensorsDtype.U8 => SafeTensor.Create(t.Name, t.Shape.ToArray(), t.AsSpan<byte>()),
        SafetensorsDtype.Bool => SafeTensor.Create(t.Name, t.Shape.ToArray(), t.AsSpan<bool>()),
        _ => throw new InvalidOperationException($"unexpected dtype {t.Dtype}"),
    };

    private static string Python(params string[] args) => PythonScript.Run("safetensors_ref.py", args);
}
