namespace Sim2Real.Ros.Transport;

/// <summary>DDS history, valued as Cyclone's dds_history_kind_t.</summary>
public enum History
{
    KeepLast = 0,
    KeepAll = 1,
}
