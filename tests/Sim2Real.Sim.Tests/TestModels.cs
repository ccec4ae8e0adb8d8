namespace Sim2Real.Sim.Tests;

/// <summary>Small MJCF models written for the tests, and the humanoid Debian ships.</summary>
internal static class TestModels
{
    public const string Humanoid = "/usr/share/mujoco/model/humanoid/humanoid.xml";

    /// <summary>A hinged pendulum with a motor, a sensor, a site, a camera and a "home" keyframe.</summary>
    public const string Pendulum = """
        <mujoco model="pendulum">
          <option timestep="0.002"/>
          <worldbody>
            <light pos="0 0 3"/>
            <geom name="floor" type="plane" size="2 2 0.1" rgba="0.8 0.8 0.8 1"/>
            <camera name="front" pos="0 -2 1" xyaxes="1 0 0 0 0.5 1"/>
            <body name="pole" pos="0 0 1">
              <joint name="hinge" type="hinge" axis="0 1 0" damping="0.01"/>
              <geom name="rod" type="capsule" fromto="0 0 0 0 0 -0.5" size="0.03" mass="1"/>
              <site name="tip" pos="0 0 -0.5"/>
            </body>
          </worldbody>
          <actuator>
            <motor name="torque" joint="hinge" gear="1" ctrlrange="-1 1" ctrllimited="true"/>
          </actuator>
          <sensor>
            <jointpos name="angle" joint="hinge"/>
          </sensor>
          <keyframe>
            <key name="home" qpos="0.5" qvel="-0.25" ctrl="0.1"/>
          </keyframe>
        </mujoco>
        """;

    /// <summary>
    /// A feather-light bar on a motor with an absurd gear: random controls drive its acceleration past MuJoCo's limit,
    /// and MuJoCo then resets the data (clock included) after each warning.
    /// </summary>
    public const string Exploding = """
        <mujoco model="exploding">
          <worldbody>
            <body name="bar">
              <joint name="slide" type="slide" axis="1 0 0"/>
              <geom type="box" size="0.1 0.1 0.1" mass="1e-6"/>
            </body>
          </worldbody>
          <actuator><motor name="push" joint="slide" gear="1e12" ctrlrange="-1 1" ctrllimited="true"/></actuator>
        </mujoco>
        """;

    /// <summary>
    /// Three free boxes, apart when compiled. Its stack (nstack=300) is enough for that, but not for the contacts
    /// of the boxes piled into each other: mj_step then raises mju_error ("Stack overflow").
    /// </summary>
    public const string TinyStack = """
        <mujoco model="tinystack">
          <size nstack="300"/>
          <worldbody>
            <geom type="plane" size="1 1 0.1"/>
            <body pos="0 0 1"><freejoint/><geom type="box" size="0.1 0.1 0.1"/></body>
            <body pos="1 0 1"><freejoint/><geom type="box" size="0.1 0.1 0.1"/></body>
            <body pos="2 0 1"><freejoint/><geom type="box" size="0.1 0.1 0.1"/></body>
          </worldbody>
        </mujoco>
        """;

    /// <summary>Moves the three boxes of <see cref="TinyStack"/> into one pile on the floor.</summary>
    public static void PileBoxes(Sim2Real.Sim.Bindings.MjData data)
    {
        for (var b = 0; b < 3; b++)
        {
            data.qpos[7 * b] = 0.02 * b;
            data.qpos[(7 * b) + 1] = 0;
            data.qpos[(7 * b) + 2] = 0.05 + (0.05 * b);
        }
    }

    /// <summary>
    /// A wall seen by camera "front": its upper half is <paramref name="top"/>, its lower half
    /// <paramref name="bottom"/> (rgb strings such as "1 0 0"). Emissive, so lighting does not change the hue.
    /// </summary>
    public static string Wall(string top, string bottom) => $"""
        <mujoco model="wall">
          <visual><headlight ambient="0.3 0.3 0.3"/></visual>
          <asset>
            <material name="top" rgba="{top} 1" emission="1"/>
            <material name="bottom" rgba="{bottom} 1" emission="1"/>
          </asset>
          <worldbody>
            <camera name="front" pos="0 -3 0" xyaxes="1 0 0 0 0 1"/>
            <geom type="box" pos="0 0 1.5" size="5 0.1 1.5" material="top"/>
            <geom type="box" pos="0 0 -1.5" size="5 0.1 1.5" material="bottom"/>
          </worldbody>
        </mujoco>
        """;
}
