namespace Sim2Real.Robotics;

public enum ArrayDType
{
    Float32,
    UInt8,
}
