using System.CommandLine;
using Sim2Real.Mcap.Info;
using Sim2Real.Mcap.Reading;

namespace Sim2Real.Cli.Commands.Log;

/// <summary><c>log info FILE</c>: what <c>ros2 bag info</c> prints, plus rates, compression, chunks, attachments and metadata.</summary>
internal static class LogInfo
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The .mcap log" };
        var command = new Command("info", "Duration, start and end, topics with types, counts and rates, size, compression and chunks of an MCAP log (like `ros2 bag info`).");
        command.Arguments.Add(file);
        command.SetAction(parse =>
        {
            using var reader = McapReader.Open(parse.GetValue(file)!);
            McapInfoText.Write(McapInfo.Read(reader), parse.InvocationConfiguration.Output);
            return 0;
        });
        return command;
    }
}
