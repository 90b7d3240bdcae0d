using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>A started <c>docsfy</c> process: its output as it comes, Ctrl+C (SIGINT), and its end, all time-boxed.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class RunningCliTool : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RunningCliTool(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) => Append(_output, line.Data, _outputClosed);
        _process.ErrorDataReceived += (_, line) => Append(_error, line.Data, _errorClosed);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task WriteInputAndCloseAsync(string? input)
    {
        await using (_process.StandardInput)
        {
            if (input is not null)
            {
                await _process.StandardInput.WriteAsync(input);
            }
        }
    }

    public Task WaitForOutputAsync(string text, TimeSpan timeout) =>
        Eventually.HoldsAsync(() => Output.Contains(text, StringComparison.Ordinal) || _process.HasExited, $"docsfy to print \"{text}\"", timeout);

    /// <summary>What Ctrl+C in a terminal sends. <c>dotnet docsfy.dll</c> runs the tool in this very process.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        Assert.True(kill.WaitForExit(10_000) && kill.ExitCode == 0, "could not send SIGINT to docsfy");
    }

    public async Task<CliTool.Result> WaitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
            await Task.WhenAll(_outputClosed.Task, _errorClosed.Task).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"docsfy did not finish within {timeout}.\nstdout:\n{Output}\nstderr:\n{Error()}");
        }
        return new CliTool.Result(_process.ExitCode, Output, Error());
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private string Error()
    {
        lock (_output)
        {
            return _error.ToString();
        }
    }

    private void Append(StringBuilder target, string? line, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }
        lock (_output)
        {
            target.Append(line).Append('\n');
        }
    }
}
