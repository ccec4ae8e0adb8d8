namespace Sim2Real.Ros.Transport;

/// <summary>What a reader or writer does when Cyclone calls its listener (on Cyclone's receive thread).</summary>
internal interface IDdsListenerTarget
{
    /// <summary>Data arrived for <paramref name="reader"/> (may run before dds_create_reader returns, for latched data).</summary>
    void OnDataAvailable(int reader);

    void OnMatched(uint currentCount);

    void OnIncompatibleQos(uint totalCount, uint lastPolicyId);
}
