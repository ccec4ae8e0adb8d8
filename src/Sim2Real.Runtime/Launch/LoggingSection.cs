using System.Globalization;
using Sim2Real.Core;
using Sim2Real.Mcap.Format;
using Sim2Real.Runtime.Recording;

namespace Sim2Real.Runtime.Launch;

/// <summary>
/// <c>logging:</c> the run's MCAP log (<c>runs/deploy/&lt;name&gt;-&lt;time&gt;.mcap</c> by default): on unless
/// <c>record: false</c> (or <c>deploy --no-record</c>); camera images raw, compressed (JPEG) or none, decimated to
/// <c>image_rate_hz</c>; chunk compression and the flush interval, which bounds what a crash can lose.
/// </summary>
public sealed record LoggingSection
{
    public bool Record { get; init; } = true;

    /// <summary>Relative to the working directory, as run directories are.</summary>
    public string Directory { get; init; } = "runs/deploy";

    /// <summary>raw, compressed or none.</summary>
    public string Images { get; init; } = "raw";

    /// <summary>At most this many camera images per second in the log; 0 keeps every frame the loop takes.</summary>
    public double ImageRateHz { get; init; } = 10;

    public int JpegQuality { get; init; } = 90;

    /// <summary>zstd, lz4 or none.</summary>
    public string Compression { get; init; } = "zstd";

    public double FlushIntervalS { get; init; } = 1.0;

    /// <exception cref="InvalidConfigException">Names the field.</exception>
    public RecordingOptions Resolve(string source)
    {
        var images = Images switch
        {
            "raw" => ImageRecording.Raw,
            "compressed" => ImageRecording.Compressed,
            "none" => ImageRecording.None,
            _ => throw new InvalidConfigException(source, "logging.images", $"'{Images}' is not one of raw, compressed, none"),
        };
        var compression = Compression switch
        {
            "zstd" => McapCompression.Zstd,
            "lz4" => McapCompression.Lz4,
            "none" => McapCompression.None,
            _ => throw new InvalidConfigException(source, "logging.compression", $"'{Compression}' is not one of zstd, lz4, none"),
        };
        if (!double.IsFinite(ImageRateHz) || ImageRateHz < 0)
        {
            throw new InvalidConfigException(source, "logging.image_rate_hz", string.Create(CultureInfo.InvariantCulture, $"must be 0 (every frame) or a positive rate, got {ImageRateHz}"));
        }

        if (JpegQuality is < 1 or > 100)
        {
            throw new InvalidConfigException(source, "logging.jpeg_quality", $"must be 1..100, got {JpegQuality}");
        }

        ConfigChecks.Positive(source, "logging.flush_interval_s", FlushIntervalS);
        if (string.IsNullOrWhiteSpace(Directory))
        {
            throw new InvalidConfigException(source, "logging.directory", "must not be empty");
        }

        return new RecordingOptions
        {
            Images = images,
            ImageRateHz = ImageRateHz == 0 ? null : ImageRateHz,
            JpegQuality = JpegQuality,
            Compression = compression,
            FlushInterval = TimeSpan.FromSeconds(FlushIntervalS),
        };
    }
}
