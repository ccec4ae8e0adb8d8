namespace Sim2Real.Ros.Transport;

/// <summary>Turns one CDR sample into an item; throwing MalformedMessageException makes the reader count and drop it.</summary>
public delegate TItem SampleDecoder<out TItem>(ReadOnlySpan<byte> cdr, long sourceTimestamp);
