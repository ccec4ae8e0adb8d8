namespace Sim2Real.Learning.Tests.Checkpoints;

/// <summary>Passes writes through and runs <c>pause</c> once, when the byte count first reaches <c>pauseAfter</c>.</summary>
internal sealed class PausingStream(Stream inner, long pauseAfter, Action pause) : Stream
{
    private long _written;
    private bool _paused;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _written;

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        _written += buffer.Length;
        if (!_paused && _written >= pauseAfter)
        {
            _paused = true;
            inner.Flush();
            pause();
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
