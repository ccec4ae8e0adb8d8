using Sim2Real.Ros.Messages.Sim2RealMsgs;

namespace Sim2Real.Runtime.Pipeline;

/// <summary>Which feet touch the ground (/foot_contacts), and since when none has.</summary>
internal sealed class FootContactInput(string topic)
{
    public bool HasSample { get; private set; }

    public DateTimeOffset ArrivedAt { get; private set; }

    /// <summary>The last time any foot was in contact (or the first sample, if none ever was).</summary>
    public DateTimeOffset LastContactAt { get; private set; }

    public bool AnyInContact { get; private set; }

    /// <exception cref="RuntimeInputException">Arrays of different lengths.</exception>
    public void Accept(FootContacts message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.InContact.Length != message.Name.Length || (message.NormalForceN.Length != 0 && message.NormalForceN.Length != message.Name.Length))
        {
            throw new RuntimeInputException(topic, $"{message.Name.Length} feet but {message.InContact.Length} contact flags and {message.NormalForceN.Length} forces");
        }

        if (message.Name.Length == 0)
        {
            throw new RuntimeInputException(topic, "the message names no feet");
        }

        AnyInContact = message.InContact.Any(c => c);
        if (AnyInContact || !HasSample)
        {
            LastContactAt = now;
        }

        HasSample = true;
        ArrivedAt = now;
    }
}
