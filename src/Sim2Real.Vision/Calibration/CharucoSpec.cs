using System.Globalization;
using System.Text.RegularExpressions;
using Sim2Real.Core;

namespace Sim2Real.Vision.Calibration;

/// <summary>
/// A ChArUco board (OpenCV contrib aruco): <see cref="SquaresX"/> x <see cref="SquaresY"/> chessboard squares with
/// ArUco markers in the white ones; its corners are the inner chessboard corners, identified by the markers.
/// </summary>
public sealed partial record CharucoSpec(int SquaresX, int SquaresY, double SquareMeters, double MarkerMeters, string Dictionary)
{
    /// <summary>Parses "7x5" (squares, columns x rows).</summary>
    public static CharucoSpec Parse(string size, double squareMeters, double markerMeters, string dictionary, string source = "--board")
    {
        ArgumentNullException.ThrowIfNull(size);
        var parts = size.Split('x', 'X');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var cols)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rows))
        {
            throw new InvalidConfigException(source, "board", $"expected COLSxROWS squares such as 7x5, got '{size}'");
        }

        return new CharucoSpec(cols, rows, squareMeters, markerMeters, dictionary).Validate(source);
    }

    public int CornerCount => (SquaresX - 1) * (SquaresY - 1);

    /// <summary>cv::aruco::PREDEFINED_DICTIONARY_NAME for DICT_{4..7}X{4..7}_{50,100,250,1000}.</summary>
    public int DictionaryId
    {
        get
        {
            var m = DictionaryName().Match(Dictionary);
            var bits = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var size = Array.IndexOf([50, 100, 250, 1000], int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
            return ((bits - 4) * 4) + size;
        }
    }

    public CharucoSpec Validate(string source)
    {
        if (SquaresX < 3 || SquaresY < 3)
        {
            throw new InvalidConfigException(source, "board", $"a ChArUco board needs at least 3x3 squares, got {SquaresX}x{SquaresY}");
        }

        if (!double.IsFinite(SquareMeters) || SquareMeters <= 0)
        {
            throw new InvalidConfigException(source, "square", $"square size must be a positive length in metres, got {SquareMeters}");
        }

        if (!double.IsFinite(MarkerMeters) || MarkerMeters <= 0 || MarkerMeters >= SquareMeters)
        {
            throw new InvalidConfigException(source, "marker", $"marker size must be positive and smaller than the square ({SquareMeters} m), got {MarkerMeters}");
        }

        var m = DictionaryName().Match(Dictionary);
        if (!m.Success || m.Groups[1].Value != m.Groups[2].Value || int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is < 4 or > 7
            || !new[] { "50", "100", "250", "1000" }.Contains(m.Groups[3].Value))
        {
            throw new InvalidConfigException(source, "dictionary", $"expected DICT_NxN_M with N in 4..7 and M in 50, 100, 250, 1000, got '{Dictionary}'");
        }

        if (SquaresX * SquaresY / 2 > int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture))
        {
            throw new InvalidConfigException(source, "dictionary", $"{Dictionary} has too few markers for a {SquaresX}x{SquaresY} board");
        }

        return this;
    }

    /// <summary>Board coordinates of corner <paramref name="id"/> (row by row over the inner corners).</summary>
    public (float X, float Y) Corner(int id) =>
        ((float)(((id % (SquaresX - 1)) + 1) * SquareMeters), (float)(((id / (SquaresX - 1)) + 1) * SquareMeters));

    [GeneratedRegex("^DICT_([4-7])X([4-7])_([0-9]+)$")]
    private static partial Regex DictionaryName();
}
