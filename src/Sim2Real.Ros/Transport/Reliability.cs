namespace Sim2Real.Ros.Transport;

/// <summary>DDS reliability, valued as Cyclone's dds_reliability_kind_t.</summary>
public enum Reliability
{
    BestEffort = 0,
    Reliable = 1,
}
