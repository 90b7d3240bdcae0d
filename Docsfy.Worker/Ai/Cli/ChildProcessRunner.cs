using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Docsfy.Worker.Processes;

namespace Docsfy.Worker.Ai.Cli;

/// <param name="DisplayName">Names the tool in error messages.</param>
internal sealed record ChildProcessSpec(
    string DisplayName, string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory, string StandardInput);

internal sealed record ChildProcessResult(int ExitCode, string StandardOutput, string StandardErrorTail);

/// <summary>
/// Runs one child process to completion: input written then closed, output bounded, and on timeout, abort or runaway output
/// the whole process tree killed and reaped before returning, so no AI tool outlives the call that started it.
/// </summary>
internal sealed class ChildProcessRunner(int maxOutputBytes, int maxErrorBytes)
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    private static readonly TimeSpan ReapTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Throws <see cref="AiCallFailedException"/> on timeout or output past the limit, <see cref="OperationCanceledException"/>
    /// when <paramref name="cancellationToken"/> fires; a non-zero exit code is the caller's to judge.
    /// </summary>
    public async Task<ChildProcessResult> RunAsync(ChildProcessSpec spec, TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var process = new Process { StartInfo = CreateStartInfo(spec) };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new AiCallFailedException($"{spec.DisplayName} could not be started: {exception.Message}", exception);
        }

        using var callCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout > TimeSpan.Zero && timeout.TotalMilliseconds < int.MaxValue)
            callCts.CancelAfter(timeout);

        var outputTask = ReadOutputAsync(process.StandardOutput.BaseStream, callCts);
        var errorTask = BoundedStreamReader.ReadTailAsync(process.StandardError.BaseStream, maxErrorBytes, callCts.Token);
        try
        {
            await WriteInputAsync(process.StandardInput, spec.StandardInput, callCts.Token);
            await process.WaitForExitAsync(callCts.Token);
            var output = await outputTask;
            var error = await errorTask;
            if (output is null)
                throw OutputTooLarge(spec);
            return new ChildProcessResult(process.ExitCode, Utf8.GetString(output), Utf8.GetString(error));
        }
        catch (OperationCanceledException) when (callCts.IsCancellationRequested)
        {
            await KillTreeAsync(process);
            await Task.WhenAll((Task)outputTask, errorTask).ContinueWith(static _ => { }, TaskScheduler.Default);
            cancellationToken.ThrowIfCancellationRequested();
            if (outputTask.IsCompletedSuccessfully && outputTask.Result is null)
                throw OutputTooLarge(spec);
            throw new AiCallFailedException($"{spec.DisplayName} did not finish within {timeout} and was stopped.");
        }
        finally
        {
            // Any other failure (or a child that exited while its descendants live on) must not leave a process behind.
            if (!HasExited(process))
                await KillTreeAsync(process);
        }
    }

    private static ProcessStartInfo CreateStartInfo(ChildProcessSpec spec)
    {
        var startInfo = new ProcessStartInfo(spec.FileName)
        {
            WorkingDirectory = spec.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8,
            CreateNoWindow = true,
        };
        foreach (var argument in spec.Arguments)
            startInfo.ArgumentList.Add(argument);
        ChildEnvironment.RemoveSecrets(startInfo.Environment);
        WorkerChildren.Mark(startInfo.Environment);
        return startInfo;
    }

    private async Task<byte[]?> ReadOutputAsync(Stream stream, CancellationTokenSource callCts)
    {
        var output = await BoundedStreamReader.ReadAllAsync(stream, maxOutputBytes, callCts.Token);
        if (output is null)
            await callCts.CancelAsync(); // stop waiting: the tool is killed rather than read further
        return output;
    }

    private static async Task WriteInputAsync(StreamWriter input, string text, CancellationToken cancellationToken)
    {
        try
        {
            await input.WriteAsync(text.AsMemory(), cancellationToken);
            await input.FlushAsync(cancellationToken);
            input.Close(); // end of input: the tool starts answering
        }
        catch (IOException)
        {
            // The tool exited (or closed its input) without reading everything; its exit code tells what happened.
        }
    }

    private AiCallFailedException OutputTooLarge(ChildProcessSpec spec) =>
        new($"{spec.DisplayName} wrote more than {maxOutputBytes / (1024 * 1024)} MB of output and was stopped.");

    private static async Task KillTreeAsync(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception exception) when (exception is InvalidOperationException or Win32Exception)
        {
            // Already gone.
        }
        using var reapCts = new CancellationTokenSource(ReapTimeout);
        try
        {
            await process.WaitForExitAsync(reapCts.Token);
        }
        catch (OperationCanceledException)
        {
            // Unkillable (e.g. stuck in the kernel); nothing more a caller could do.
        }
    }

    private static bool HasExited(Process process)
    {
        try
        {
            return process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
