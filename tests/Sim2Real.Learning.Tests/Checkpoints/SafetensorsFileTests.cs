using System.Buffers.Binary;
using System.Text;
using Sim2Real.Learning.Checkpoints;

namespace Sim2Real.Learning.Tests.Checkpoints;

public class SafetensorsFileTests
{
    [Fact]
    public void Round_trips_every_dtype_through_a_mapped_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("all.safetensors");
        SafeTensor[] tensors =
        [
            SafeTensor.Create<float>("f32", [2, 2], [1.5f, -0f, float.NaN, float.PositiveInfinity]),
            SafeTensor.Create<double>("f64", [3], [Math.PI, double.Epsilon, -1e300]),
            SafeTensor.Create<Half>("f16", [2], [(Half)0.5f, Half.MaxValue]),
            SafeTensor.CreateBFloat16("bf16", [2], [0x3F80, 0xC040]),
            SafeTensor.Create<long>("i64", [2], [long.MinValue, long.MaxValue]),
            SafeTensor.Create<int>("i32", [1], [-7]),
            SafeTensor.Create<short>("i16", [1], [short.MinValue]),
            SafeTensor.Create<sbyte>("i8", [2], [-128, 127]),
            SafeTensor.Create<byte>("u8", [1, 3], [0, 128, 255]),
            SafeTensor.Create<bool>("bool", [3], [true, false, true]),
            SafeTensor.Create<float>("scalar", [], [42f]),
            SafeTensor.Create<float>("empty", [0, 5], []),
        ];
        SafetensorsWriter.Write(path, tensors, new Dictionary<string, string> { ["step"] = "12" });

        using var file = SafetensorsFile.Open(path);

        Assert.Equal(tensors.Length, file.Tensors.Count);
        foreach (var expected in tensors)
        {
            var actual = file[expected.Name];
            Assert.Equal(expected.Dtype, actual.Dtype);
            Assert.Equal(expected.Shape, actual.Shape);
            Assert.True(expected.Data.Span.SequenceEqual(actual.Data.Span), expected.Name);
        }

        Assert.Equal("12", file.Metadata["step"]);
        Assert.Equal([1f, -3f], file["bf16"].ToSingles());
        Assert.Equal([true, false, true], file["bool"].AsSpan<bool>().ToArray());
        Assert.Equal(255, file["u8"].AsSpan<byte>()[2]);
        Assert.True(float.IsNaN(file["f32"].AsSpan<float>()[2]));
        Assert.Equal(42f, file["scalar"].AsSpan<float>()[0]);
        Assert.Equal(0, file["empty"].ElementCount);
    }

    [Fact]
    public void Typed_view_of_the_wrong_type_is_refused()
    {
        var tensor = SafeTensor.Create<float>("w", [1], [1f]);
        var error = Assert.Throws<InvalidOperationException>(() => tensor.AsSpan<double>().ToArray());
        Assert.Contains("'w' holds F32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tensors_are_unreadable_after_the_file_is_disposed()
    {
        using var dir = new TempDirectory();
        var path = dir.File("w.safetensors");
        SafetensorsWriter.Write(path, [SafeTensor.Create<float>("w", [1], [1f])]);
        var file = SafetensorsFile.Open(path);
        var tensor = file["w"];
        file.Dispose();

        Assert.Throws<ObjectDisposedException>(() => tensor.AsSpan<float>().ToArray());
    }

    [Fact]
    public void Reads_headers_listed_in_any_order()
    {
        // Older writers listed tensors by name, not by offset; only the buffer must be contiguous.
        var bytes = Build("{\"b\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[1,2]},\"a\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]}}", [10, 20]);
        var file = SafetensorsFile.Parse(bytes, "any-order");

        Assert.Equal(["a", "b"], file.Names);
        Assert.Equal(20, file["b"].AsSpan<byte>()[0]);
    }

    [Fact]
    public void Truncated_file_shorter_than_the_length_prefix_fails_naming_the_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("short.safetensors");
        File.WriteAllBytes(path, [1, 2, 3]);

        var error = Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Open(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_length_larger_than_the_file_fails()
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 1000);
        var error = Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Parse(bytes, "big.safetensors"));
        Assert.Contains("header length 1000 is larger than the 8 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_length_beyond_the_reference_limit_fails()
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, ulong.MaxValue);
        var error = Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Parse(bytes, "huge.safetensors"));
        Assert.Contains("exceeds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_cut_short_fails_naming_the_tensor()
    {
        var whole = SafetensorsWriter.Serialize([SafeTensor.Create<float>("actor.trunk.0.weight", [4], [1, 2, 3, 4])]);
        var error = Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Parse(whole.AsMemory(0, whole.Length - 3), "cut.safetensors"));

        Assert.Equal("actor.trunk.0.weight", error.Tensor);
        Assert.Contains("cut.safetensors: tensor 'actor.trunk.0.weight'", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"a\":", "malformed JSON")]
    [InlineData("[1,2]", "must be an object")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", "'a': missing or non-array 'data_offsets'")]
    [InlineData("{\"a\":{\"dtype\":\"F17\",\"shape\":[1],\"data_offsets\":[0,4]}}", "'a': unknown dtype 'F17'")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", "'a': 'shape' must hold non-negative integers")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0]}}", "'a': data_offsets must hold exactly")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", "'a': shape [2] of F32 needs 8 bytes but data_offsets [0, 4] hold 4")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[2,6]}}", "'b': data_offsets [2, 6] overlap")]
    [InlineData("{\"a\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[1,2]}}", "'a': data_offsets [1, 2] leave a gap")]
    [InlineData("{\"a\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]}}", "tensors cover 1 bytes of data but the file holds 8")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,12]}}", "'a': data_offsets [0, 12] run past the end")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", "'a': duplicate name")]
    [InlineData("{\"__metadata__\":{\"k\":1},\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}}", "__metadata__ value of 'k' must be a string")]
    [InlineData("{\"a\":{\"dtype\":\"U8\",\"shape\":[4611686018427387904,4],\"data_offsets\":[0,8]}}", "'a': shape [4611686018427387904, 4] overflows")]
    public void Malformed_header_fails_with_a_message_naming_file_and_problem(string json, string problem)
    {
        var error = Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Parse(Build(json, new byte[8]), "bad.safetensors"));

        Assert.StartsWith("bad.safetensors: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_that_is_not_utf8_fails()
    {
        var bytes = Build("{\"a\":1}", []);
        bytes[9] = 0xFF;
        var error = Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Parse(bytes, "binary.safetensors"));
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Build(string json, byte[] data)
    {
        var header = Encoding.UTF8.GetBytes(json);
        var bytes = new byte[8 + header.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)header.Length);
        header.CopyTo(bytes, 8);
        data.CopyTo(bytes, 8 + header.Length);
        return bytes;
    }
}
