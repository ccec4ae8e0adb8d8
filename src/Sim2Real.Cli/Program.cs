using Sim2Real.Cli.Commands;

return CommandRunner.Run(args);
