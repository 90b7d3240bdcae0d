using Docsfy.Cli;

return await CliApplication.RunAsync(args);
