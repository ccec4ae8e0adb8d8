using System.Globalization;
using Sim2Real.Core;

namespace Sim2Real.Vision.Calibration;

/// <summary>A chessboard counted by inner corners (OpenCV's convention: 9x6 for a board of 10x7 squares).</summary>
public sealed record ChessboardSpec(int Columns, int Rows, double SquareMeters)
{
    /// <summary>Most inner corners per side: far beyond any printed board, and small enough that no count overflows.</summary>
    public const int MaxCornersPerSide = 200;

    /// <summary>Parses "9x6" (inner corners, columns x rows).</summary>
    /// <exception cref="InvalidConfigException">Malformed or degenerate size.</exception>
    public static ChessboardSpec Parse(string size, double squareMeters, string source = "--board")
    {
        ArgumentNullException.ThrowIfNull(size);
        var parts = size.Split('x', 'X');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var cols)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rows))
        {
            throw new InvalidConfigException(source, "board", $"expected COLSxROWS inner corners such as 9x6, got '{size}'");
        }

        return new ChessboardSpec(cols, rows, squareMeters).Validate(source);
    }

    public ChessboardSpec Validate(string source)
    {
        if (Columns < 2 || Rows < 2)
        {
            throw new InvalidConfigException(source, "board", $"a chessboard needs at least 2x2 inner corners, got {Columns}x{Rows}");
        }

        if (Columns > MaxCornersPerSide || Rows > MaxCornersPerSide)
        {
            throw new InvalidConfigException(source, "board", $"at most {MaxCornersPerSide} inner corners per side, got {Columns}x{Rows}");
        }

        if (Columns == Rows)
        {
            // A square corner grid has no defined orientation: poses flip by 90 degrees between views.
            throw new InvalidConfigException(source, "board", $"{Columns}x{Rows} is symmetric: use a board with different column and row counts");
        }

        if (!double.IsFinite(SquareMeters) || SquareMeters <= 0)
        {
            throw new InvalidConfigException(source, "square", $"square size must be a positive length in metres, got {SquareMeters}");
        }

        return this;
    }

    /// <summary>Corner positions on the board plane (z = 0), row by row, as OpenCV returns them.</summary>
    public float[] ObjectPoints()
    {
        var points = new float[Columns * Rows * 3];
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Columns; c++)
            {
                var i = (r * Columns) + c;
                points[3 * i] = (float)(c * SquareMeters);
                points[(3 * i) + 1] = (float)(r * SquareMeters);
            }
        }

        return points;
    }
}
