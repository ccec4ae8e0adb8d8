namespace Sim2Real.Ros.Transport;

/// <summary>DDS durability, valued as Cyclone's dds_durability_kind_t (ROS 2 uses the first two).</summary>
public enum Durability
{
    Volatile = 0,
    TransientLocal = 1,
}
