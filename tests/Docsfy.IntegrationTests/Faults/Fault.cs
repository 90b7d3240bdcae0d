using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Faults;

/// <summary>
/// One way to break a running system. <see cref="InjectAsync"/> breaks it mid-run (and brings back, or waits for the app
/// host to bring back, what a real operator or supervisor would bring back at once) and returns what puts the system back as it was once the runs have ended, so the
/// next scenario on the same app host starts whole.
/// </summary>
/// <param name="KillsWorker">
/// True when the fault kills the worker under its runs: each run must then be taken over and resumed from its checkpoint
/// (docs/design/pipeline.md §12), every client must see it resume, and it must still end <c>ready</c>.
/// </param>
/// <param name="DropsClients">True when clients lose their socket and must reconnect to another replica.</param>
public sealed record Fault(string Name, Func<DocsfyAppHost, CancellationToken, Task<Func<CancellationToken, Task>>> InjectAsync,
    bool KillsWorker = false, bool DropsClients = false)
{
    public override string ToString() => Name;
}
