using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Docsfy.AppHost.Infrastructure;

/// <summary>Runs a short set-up command (initdb, chown) to completion, logging its output to the resource's log.</summary>
internal static class ProcessRunner
{
    /// <summary>Runs the command and throws with its output when it exits non-zero.</summary>
    public static async Task RunAsync(string fileName, IEnumerable<string> arguments, ILogger logger, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // initdb as the postgres user cannot read root's home; a neutral working directory avoids its warnings.
            WorkingDirectory = "/",
        };

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);

        var text = (await output + await error).Trim();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`{fileName} {string.Join(' ', startInfo.ArgumentList)}` exited with {process.ExitCode}: {text}");
        }

        if (text.Length > 0)
        {
            logger.LogInformation("{Command}: {Output}", Path.GetFileName(fileName), text);
        }
    }
}
