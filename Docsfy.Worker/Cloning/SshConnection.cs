using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Docsfy.Credentials;
using Docsfy.Worker.Ai.Cli;
using LibGit2Sharp;
using Docsfy.Worker.Processes;

namespace Docsfy.Worker.Cloning;

/// <summary>
/// One running <c>ssh</c>, as the stream libgit2 speaks the git protocol over: writes go to its standard input, reads
/// come from its standard output. The clone's deadline (abort or time limit) kills the process tree, which ends a read
/// blocked on a silent server at once; so does libgit2 freeing the stream.
/// </summary>
internal sealed class SshConnection : SmartSubtransportStream
{
    private const int ErrorTailBytes = 4096;

    private readonly Process _process;
    private readonly CloneNetworkScope _scope;
    private readonly Task<byte[]> _errors;
    private readonly CancellationTokenRegistration _stopWhenGivenUp;
    private readonly string _display;

    public SshConnection(SmartSubtransport parent, string sshPath, IReadOnlyList<string> arguments, CloneNetworkScope scope,
        string display)
        : base(parent)
    {
        _scope = scope;
        _display = display;
        var start = new ProcessStartInfo(sshPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // ssh needs HOME and the agent's socket, never the worker's own secrets.
        ChildEnvironment.RemoveSecrets(start.Environment);
        WorkerChildren.Mark(start.Environment);
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("ssh did not start.");
        }
        catch (Win32Exception e)
        {
            scope.TransportFailure = $"ssh could not be started on the worker: {e.Message}";
            throw;
        }
        _errors = BoundedStreamReader.ReadTailAsync(_process.StandardError.BaseStream, ErrorTailBytes, CancellationToken.None);
        _stopWhenGivenUp = scope.CancellationToken.Register(Stop);
    }

    public override int Write(Stream dataStream, long length)
    {
        var input = _process.StandardInput.BaseStream;
        var buffer = new byte[81920];
        while (length > 0)
        {
            var read = dataStream.Read(buffer, 0, (int)Math.Min(buffer.Length, length));
            if (read == 0)
            {
                throw new EndOfStreamException("Short read of the request.");
            }
            WriteOrFail(() => input.Write(buffer, 0, read));
            length -= read;
        }
        WriteOrFail(input.Flush);
        return 0;
    }

    public override int Read(Stream dataStream, long length, out long bytesRead)
    {
        var buffer = new byte[(int)Math.Min(Math.Max(length, 1), 81920)];
        var read = _process.StandardOutput.BaseStream.Read(buffer, 0, buffer.Length);
        _scope.CancellationToken.ThrowIfCancellationRequested();
        if (read == 0)
        {
            throw Ended();
        }
        dataStream.Write(buffer, 0, read);
        bytesRead = read;
        return 0;
    }

    protected override void Free()
    {
        Stop();
        _stopWhenGivenUp.Dispose();
        _process.Dispose();
        base.Free();
    }

    /// <summary>Kills ssh and anything it started (a ProxyCommand); safe to call any number of times, from any thread.</summary>
    public void Stop()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // Already gone.
        }
    }

    private void WriteOrFail(Action write)
    {
        try
        {
            write();
        }
        catch (IOException)
        {
            _scope.CancellationToken.ThrowIfCancellationRequested();
            throw Ended();
        }
    }

    /// <summary>ssh closed the connection: its last words on standard error say why (a refused key, a timeout).</summary>
    private IOException Ended()
    {
        _process.WaitForExit(TimeSpan.FromSeconds(5));
        var errors = _errors.Wait(TimeSpan.FromSeconds(1)) ? Encoding.UTF8.GetString(_errors.Result) : "";
        var lastLine = errors.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault();
        _scope.TransportFailure = lastLine is null ? "ssh closed the connection."
            : lastLine.Contains("Permission denied", StringComparison.Ordinal) ? CloneErrors.AuthenticationFailed(_display, _scope.Credential, CredentialKind.SshKey)
            : lastLine.Contains("Host key verification failed", StringComparison.Ordinal)
                ? $"Authentication failed for {_display}: the host's key is not the one in the project's known_hosts (or the worker's)."
            : $"ssh: {TreeEntryNames.Printable(lastLine)}";
        return new IOException(_scope.TransportFailure);
    }
}
