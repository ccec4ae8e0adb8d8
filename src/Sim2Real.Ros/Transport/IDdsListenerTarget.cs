namespace Sim2Real.Ros.Transport;

/// <summary>What a reader or writer does when Cyclone calls its listener (on Cyclone's receive thread).</summary>
internal interface IDdsListenerTarget
{
    void OnDataAvailable();

    void OnMatched(uint currentCount);

    void OnIncompatibleQos(uint totalCount, uint lastPolicyId);
}
