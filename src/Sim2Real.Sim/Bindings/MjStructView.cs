using System.Runtime.CompilerServices;

namespace Sim2Real.Sim.Bindings;

/// <summary>Base of the generated views over structs embedded in mjModel (opt, vis.*, stat): reads and writes are live.</summary>
public abstract class MjStructView
{
    private readonly MjModel _owner;
    private readonly int _offset;

    private protected MjStructView(MjModel owner, int offset)
    {
        _owner = owner;
        _offset = offset;
    }

    private protected unsafe T Read<T>(int offset)
        where T : unmanaged => Unsafe.ReadUnaligned<T>((byte*)_owner.Pointer + _offset + offset);

    private protected unsafe void Write<T>(int offset, T value)
        where T : unmanaged => Unsafe.WriteUnaligned((byte*)_owner.Pointer + _offset + offset, value);

    private protected unsafe Span<T> Inline<T>(int offset, int length)
        where T : unmanaged => new((byte*)_owner.Pointer + _offset + offset, length);
}
