using Sim2Real.Core;
using YamlDotNet.RepresentationModel;

namespace Sim2Real.Vision.Calibration;

/// <summary>
/// The input of <c>sim2real calibrate handeye</c>, a YAML file; paths are relative to it:
/// <code>
/// setup: eye_in_hand            # or eye_to_hand
/// camera_info: wrist.yaml       # intrinsics (ROS camera_info YAML)
/// board: {pattern: chessboard, size: 9x6, square: 0.025}
/// views:
///   - image: views/000.png
///     gripper_pose:             # gripper in the robot base frame (tf base_link -> tool0)
///       position: [0.4, 0.0, 0.3]          # metres
///       orientation: [0.0, 0.0, 0.0, 1.0]  # unit quaternion x, y, z, w
/// </code>
/// </summary>
public sealed record HandEyeInput(HandEyeSetup Setup, CameraInfo Camera, ChessboardSpec Board, IReadOnlyList<HandEyeView> Views)
{
    /// <exception cref="InvalidConfigException">Names the file and the field.</exception>
    public static HandEyeInput Read(string path)
    {
        var root = YamlFields.ReadMapping(path, "hand-eye input file", "setup, camera_info, board and views");

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var setup = YamlFields.String(root, "setup", path) switch
        {
            "eye_in_hand" => HandEyeSetup.EyeInHand,
            "eye_to_hand" => HandEyeSetup.EyeToHand,
            var other => throw new InvalidConfigException(path, "setup", $"expected eye_in_hand or eye_to_hand, got '{other}'"),
        };
        var camera = CameraInfoYaml.Read(Path.Combine(folder, YamlFields.String(root, "camera_info", path)));
        var boardNode = YamlFields.Required(root, "board", path) as YamlMappingNode
            ?? throw new InvalidConfigException(path, "board", "expected a mapping {pattern, size, square}");
        var pattern = YamlFields.OptionalString(boardNode, "pattern", path, "board") ?? "chessboard";
        if (pattern != "chessboard")
        {
            throw new InvalidConfigException(path, "board.pattern", $"hand-eye supports chessboard boards, got '{pattern}'");
        }

        var board = ChessboardSpec.Parse(YamlFields.String(boardNode, "size", path, "board"), YamlFields.Double(boardNode, "square", path, "board"), path);
        if (YamlFields.Required(root, "views", path) is not YamlSequenceNode viewNodes)
        {
            throw new InvalidConfigException(path, "views", "expected a list of {image, gripper_pose}");
        }

        var views = new List<HandEyeView>();
        for (var i = 0; i < viewNodes.Children.Count; i++)
        {
            var field = $"views[{i}]";
            if (viewNodes.Children[i] is not YamlMappingNode view)
            {
                throw new InvalidConfigException(path, field, "expected a mapping {image, gripper_pose}");
            }

            var image = Path.Combine(folder, YamlFields.String(view, "image", path, field));
            if (YamlFields.Required(view, "gripper_pose", path, field) is not YamlMappingNode pose)
            {
                throw new InvalidConfigException(path, $"{field}.gripper_pose", "expected a mapping {position, orientation}");
            }

            var position = YamlFields.Doubles(pose, "position", path, $"{field}.gripper_pose");
            var orientation = YamlFields.Doubles(pose, "orientation", path, $"{field}.gripper_pose");
            if (position.Length != 3)
            {
                throw new InvalidConfigException(path, $"{field}.gripper_pose.position", $"expected [x, y, z] in metres, got {position.Length} numbers");
            }

            var norm = Math.Sqrt(orientation.Sum(v => v * v));
            if (orientation.Length != 4 || Math.Abs(norm - 1) > 1e-3)
            {
                throw new InvalidConfigException(path, $"{field}.gripper_pose.orientation",
                    $"expected a unit quaternion [x, y, z, w], got {orientation.Length} numbers with norm {norm:0.####}");
            }

            views.Add(new HandEyeView(image, RigidTransform.FromQuaternion(position, orientation)));
        }

        return new HandEyeInput(setup, camera, board, views);
    }
}
