using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Sim2Real.Native;
using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Interop;

namespace Sim2Real.Ros.Messages;

/// <summary>
/// The idlc-generated descriptors in libs2r_rosmsgs. Before a type is first used, its C# codec is checked against its
/// descriptor: a probe message with every field set is serialized in C#, normalized by Cyclone against the descriptor,
/// read into the descriptor's C struct (m_size bytes) and serialized back by Cyclone, which must give the same bytes.
/// </summary>
internal static class MessageDescriptors
{
    private static readonly ConcurrentDictionary<RosTypeName, DescriptorInfo> Verified = new();

    /// <summary>Verifies <paramref name="type"/> once per process and returns what its descriptor says.</summary>
    public static DescriptorInfo Verify(RosMessageType type) => Verified.GetOrAdd(type.Name, _ => Check(type));

    private static unsafe DescriptorInfo Check(RosMessageType type)
    {
        var library = NativeLoader.Load(NativeLibraries.RosMessages);
        if (!NativeLibrary.TryGetExport(library, type.Name.DescriptorSymbol, out var descriptor))
        {
            throw new InvalidOperationException($"{type.Name}: libs2r_rosmsgs has no idlc descriptor {type.Name.DescriptorSymbol} (add the type to src/native/dds/idl)");
        }

        // dds_topic_descriptor_t: uint32 m_size, m_align, m_flagset, m_nkeys, then const char* m_typename.
        var ddsName = DdsNative.Utf8(Marshal.ReadIntPtr(descriptor, 16));
        if (ddsName != type.Name.Dds)
        {
            throw new InvalidOperationException($"{type.Name}: descriptor names the type '{ddsName}', expected '{type.Name.Dds}'");
        }

        using var writer = new CdrWriter();
        type.Write(writer, MessageIntrospection.Probe(type.ClrType));
        var probe = writer.Written;
        int rc;
        uint structSize;
        fixed (byte* p = probe)
        {
            rc = DdsNative.s2r_check_layout(descriptor, p, (uint)probe.Length, out structSize);
        }

        if (rc != 0)
        {
            var why = rc switch
            {
                -2 => "Cyclone rejects the C# serialization for this descriptor",
                -3 => "the C# record serializes more fields than the IDL has",
                -4 => "Cyclone re-serializes the probe differently (field types or order differ)",
                _ => $"layout check failed ({rc})",
            };
            throw new InvalidOperationException($"{type.Name}: C# record does not match idlc descriptor {type.Name.Dds} (m_size {structSize}): {why}");
        }

        return new DescriptorInfo(type.Name, ddsName, structSize);
    }
}
