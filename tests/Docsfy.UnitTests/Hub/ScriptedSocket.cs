using System.Net.WebSockets;
using System.Threading.Channels;

namespace Docsfy.UnitTests.Hub;

/// <summary>
/// A server-side socket whose client the test plays: sends wait at a gate the test opens (or never opens, for a stalled
/// client), delivered messages are collected, and the client only closes when the server does.
/// </summary>
internal sealed class ScriptedSocket : WebSocket
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _clientCloses = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebSocketState _state = WebSocketState.Open;

    public ScriptedSocket(bool sendsFlow)
    {
        if (sendsFlow)
        {
            _gate.SetResult();
        }
    }

    public Channel<string> Delivered { get; } = Channel.CreateUnbounded<string>();

    public TaskCompletionSource<WebSocketCloseStatus> ClosedWith { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void LetSendsFlow() => _gate.TrySetResult();

    public override WebSocketCloseStatus? CloseStatus => null;

    public override string? CloseStatusDescription => null;

    public override WebSocketState State => _state;

    public override string? SubProtocol => null;

    /// <summary>Like a real socket's abort: a pending send fails at once.</summary>
    public override void Abort()
    {
        _state = WebSocketState.Aborted;
        _aborted.TrySetResult();
        _clientCloses.TrySetResult();
    }

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken)
    {
        _state = WebSocketState.CloseSent;
        ClosedWith.TrySetResult(closeStatus);
        _clientCloses.TrySetResult();
        return Task.CompletedTask;
    }

    public override void Dispose()
    {
    }

    public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
    {
        await _clientCloses.Task.WaitAsync(cancellationToken);
        _state = WebSocketState.Closed;
        return new WebSocketReceiveResult(0, WebSocketMessageType.Close, true, WebSocketCloseStatus.NormalClosure, null);
    }

    public override async Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage,
        CancellationToken cancellationToken)
    {
        await Task.WhenAny(_gate.Task, _aborted.Task).WaitAsync(cancellationToken);
        if (_aborted.Task.IsCompleted)
        {
            throw new WebSocketException(WebSocketError.InvalidState, "The socket was aborted.");
        }
        await Delivered.Writer.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer), cancellationToken);
    }
}
