using System.CommandLine;
using Sim2Real.Mcap.Bench;
using Sim2Real.Mcap.Format;

namespace Sim2Real.Cli.Commands.Log;

/// <summary><c>log bench</c>: the MCAP writer's throughput on the heaviest deployment streams (<see cref="WriterBench"/>).</summary>
internal static class LogBench
{
    public static Command Create()
    {
        var defaults = new WriterBenchOptions { Folder = "" };
        var seconds = new Option<double>("--seconds") { Description = "Seconds of log time written per stream and compression", DefaultValueFactory = _ => defaults.Seconds };
        var compressions = new Option<string>("--compression") { Description = "Comma-separated: zstd, lz4, none", DefaultValueFactory = _ => "zstd,lz4,none" };
        var level = new Option<int>("--zstd-level") { Description = "zstd level for the zstd runs", DefaultValueFactory = _ => defaults.ZstdLevel };
        var keep = new Option<string?>("--out") { Description = "Folder to keep the written logs in (default: a temporary folder, deleted)" };
        var command = new Command("bench", "Writer throughput (MB/s, messages/s, file size) for a 640x480 rgb8 image stream at 30 Hz and a 500 Hz JointState stream, as multiples of real time.");
        command.Options.Add(seconds);
        command.Options.Add(compressions);
        command.Options.Add(level);
        command.Options.Add(keep);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var duration = parse.GetValue(seconds);
            if (duration is <= 0 or > 3600)
            {
                throw new Core.InvalidConfigException("command line", "--seconds", $"must be in (0, 3600], got {duration}");
            }

            var list = parse.GetValue(compressions)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(c => McapCompressionNames.Parse(c, "command line", "--compression")).ToList();
            var folder = parse.GetValue(keep);
            var temporary = folder is null;
            folder ??= Directory.CreateTempSubdirectory("s2r-log-bench-").FullName;
            Directory.CreateDirectory(folder);
            try
            {
                var options = new WriterBenchOptions { Seconds = duration, Compressions = list, ZstdLevel = parse.GetValue(level), Folder = folder };
                output.WriteLine(WriterBenchTable.Title(options));
                output.WriteLine(WriterBenchTable.Header);
                foreach (var result in WriterBench.Run(options))
                {
                    output.WriteLine(WriterBenchTable.Row(result));
                }
            }
            finally
            {
                if (temporary)
                {
                    Directory.Delete(folder, recursive: true);
                }
            }

            return 0;
        });
        return command;
    }
}
