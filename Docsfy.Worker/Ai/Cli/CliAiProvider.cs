using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Docsfy.Worker.Ai.Cli;

/// <summary>An AI provider that runs a command-line tool (claude, gemini, cursor-agent) in the checkout.</summary>
internal sealed partial class CliAiProvider(
    CliToolDefinition tool, IOptions<AiOptions> options, ILogger<CliAiProvider> logger) : IAiProvider
{
    public string Name => tool.Name;

    public bool IsReady => ExecutableLocator.Find(ConfiguredExecutable(ConfiguredPath())) is not null;

    public async Task<AiReply> CompleteAsync(AiRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        settings.Cli.TryGetValue(Name, out var overrides);
        var executable = ResolveExecutable(ConfiguredPath());
        var definition = overrides?.Arguments is { Length: > 0 } arguments ? tool with { Arguments = arguments } : tool;

        if (!Directory.Exists(request.WorkingDirectory))
            throw new AiCallFailedException($"{Name}: the working directory does not exist.");

        var runner = new ChildProcessRunner(settings.MaxOutputBytes, settings.MaxErrorBytes);
        var spec = new ChildProcessSpec(Name, executable, definition.ArgumentsFor(request.Model), request.WorkingDirectory,
            request.Prompt);

        var stopwatch = Stopwatch.StartNew();
        var result = await runner.RunAsync(spec, request.Timeout, cancellationToken);
        LogFinished(Name, request.Model, result.ExitCode, stopwatch.Elapsed, result.StandardOutput.Length);

        if (result.ExitCode != 0)
        {
            var detail = CliErrorMessage.Tail(result.StandardErrorTail);
            throw new AiCallFailedException(
                $"{Name} exited with code {result.ExitCode}" + (detail.Length > 0 ? $": {detail}" : "."));
        }
        if (string.IsNullOrWhiteSpace(result.StandardOutput))
            throw new AiCallFailedException($"{Name} exited successfully but gave no answer.");
        return definition.Answer == CliAnswerFormat.ClaudeJson
            ? ClaudeResultEnvelope.Read(Name, result.StandardOutput)
            : new AiReply(result.StandardOutput);
    }

    private string? ConfiguredPath() => options.Value.Cli.TryGetValue(Name, out var overrides) ? overrides.Path : null;

    private string ConfiguredExecutable(string? configuredPath) =>
        string.IsNullOrWhiteSpace(configuredPath) ? tool.Executable : configuredPath;

    private string ResolveExecutable(string? configuredPath)
    {
        var configured = ConfiguredExecutable(configuredPath);
        return ExecutableLocator.Find(configured) ?? throw new AiProviderUnavailableException(
            $"The AI provider '{Name}' needs {tool.InstallHint}, but '{configured}' was not found" +
            (configured == tool.Executable ? " on PATH" : "") +
            $". Install it on the worker, or set Ai:Cli:{Name}:Path (environment Ai__Cli__{Name}__Path) to the executable.");
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "AI tool {Provider} ({Model}) exited with code {ExitCode} after {Elapsed}, {Characters} characters of answer")]
    private partial void LogFinished(string provider, string model, int exitCode, TimeSpan elapsed, int characters);
}
