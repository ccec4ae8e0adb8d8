using Sim2Real.Cli.Commands;

return CommandTable.Root().Parse(args).Invoke();
