using System.Buffers.Binary;
using System.Text;
using Sim2Real.Learning.Checkpoints;

namespace Sim2Real.Learning.Tests.Checkpoints;

public class SafetensorsWriterTests
{
    private static readonly float[] ZeroToFive = [0, 1, 2, 3, 4, 5];

    [Fact]
    public void Writes_the_same_bytes_as_the_reference_crate_for_one_tensor()
    {
        // Expected bytes from the reference crate's test_serialization: header length 64, then the compact JSON.
        var bytes = SafetensorsWriter.Serialize([SafeTensor.Create<float>("attn.0", [1, 2, 3], ZeroToFive)]);

        Assert.Equal(64UL, BinaryPrimitives.ReadUInt64LittleEndian(bytes));
        Assert.Equal("{\"attn.0\":{\"dtype\":\"F32\",\"shape\":[1,2,3],\"data_offsets\":[0,24]}}", Encoding.UTF8.GetString(bytes, 8, 64));
        Assert.Equal(8 + 64 + 24, bytes.Length);
    }

    [Fact]
    public void Pads_the_header_with_spaces_to_a_multiple_of_eight()
    {
        // The reference's test_serialization_forced_alignement: 65 bytes of JSON padded with 7 spaces to 72.
        var bytes = SafetensorsWriter.Serialize([SafeTensor.Create<float>("attn0", [1, 1, 2, 3], ZeroToFive)]);

        Assert.Equal(72UL, BinaryPrimitives.ReadUInt64LittleEndian(bytes));
        Assert.EndsWith("]}}       ", Encoding.UTF8.GetString(bytes, 8, 72), StringComparison.Ordinal);
        Assert.Equal(1.0f, BitConverter.ToSingle(bytes, 8 + 72 + 4));
    }

    [Fact]
    public void Writes_an_empty_file_and_metadata_like_the_reference_crate()
    {
        byte[] empty = [8, 0, 0, 0, 0, 0, 0, 0, (byte)'{', (byte)'}', 32, 32, 32, 32, 32, 32];
        Assert.Equal(empty, SafetensorsWriter.Serialize([]));

        var withMetadata = SafetensorsWriter.Serialize([], new Dictionary<string, string> { ["framework"] = "pt" });
        Assert.Equal(40UL, BinaryPrimitives.ReadUInt64LittleEndian(withMetadata));
        Assert.Equal("{\"__metadata__\":{\"framework\":\"pt\"}}     ", Encoding.UTF8.GetString(withMetadata, 8, 40));
    }

    [Fact]
    public void Orders_tensors_by_descending_dtype_alignment_then_by_name()
    {
        var file = SafetensorsFile.Parse(SafetensorsWriter.Serialize(
        [
            SafeTensor.Create<byte>("a.u8", [3], [1, 2, 3]),
            SafeTensor.Create<float>("b.f32", [1], [1f]),
            SafeTensor.Create<long>("z.i64", [1], [7L]),
            SafeTensor.Create<float>("a.f32", [1], [2f]),
            SafeTensor.Create<Half>("c.f16", [1], [(Half)1]),
            SafeTensor.Create<double>("d.f64", [1], [3.0]),
        ]), "ordered");

        Assert.Equal(["z.i64", "d.f64", "a.f32", "b.f32", "c.f16", "a.u8"], file.Names);
    }

    [Fact]
    public void Every_tensor_starts_at_an_offset_aligned_to_its_element_size()
    {
        var bytes = SafetensorsWriter.Serialize(
        [
            SafeTensor.Create<byte>("odd", [3], [1, 2, 3]),
            SafeTensor.Create<short>("short", [3], [1, 2, 3]),
            SafeTensor.Create<double>("x", [1], [1.0]),
            SafeTensor.Create<int>("int", [1], [4]),
        ]);
        var n = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        var file = SafetensorsFile.Parse(bytes, "aligned");

        Assert.Equal(0, n % 8);
        long offset = 0;
        foreach (var tensor in file.Tensors)
        {
            Assert.Equal(0, (8 + n + offset) % tensor.Dtype.SizeInBytes());
            offset += tensor.Data.Length;
        }
    }

    [Fact]
    public void Escapes_names_and_metadata_as_json_strings()
    {
        var metadata = new Dictionary<string, string> { ["note"] = "say \"hi\"\n\ttab\\ é \u0001" };
        var bytes = SafetensorsWriter.Serialize([SafeTensor.Create<int>("we\"ird\\name", [1], [1])], metadata);
        var header = Encoding.UTF8.GetString(bytes, 8, (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes));

        Assert.Contains("\"note\":\"say \\\"hi\\\"\\n\\ttab\\\\ é \\u0001\"", header, StringComparison.Ordinal);
        var file = SafetensorsFile.Parse(bytes, "escaped");
        Assert.Equal(metadata["note"], file.Metadata["note"]);
        Assert.Equal("we\"ird\\name", file.Tensors[0].Name);
    }

    [Fact]
    public void Refuses_duplicate_names_and_the_reserved_metadata_name()
    {
        var one = SafeTensor.Create<int>("w", [1], [1]);
        Assert.Throws<ArgumentException>(() => SafetensorsWriter.Serialize([one, one]));
        Assert.Throws<ArgumentException>(() => SafetensorsWriter.Serialize([one.Rename("__metadata__")]));
    }
}
