using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Faults;

/// <summary>
/// One way to break a running system. <see cref="InjectAsync"/> breaks it mid-run (and brings back what a real operator or
/// supervisor would bring back at once) and returns what puts the system back as it was once the runs have ended, so the
/// next scenario on the same app host starts whole.
/// </summary>
/// <param name="RunsMayFail">
/// True when runs cannot all be expected to end <c>ready</c> (a dead worker's runs fail unless they resume); they must
/// still end, and every client must still see how.
/// </param>
/// <param name="DropsClients">True when clients lose their socket and must reconnect to another replica.</param>
public sealed record Fault(string Name, Func<DocsfyAppHost, CancellationToken, Task<Func<CancellationToken, Task>>> InjectAsync,
    bool RunsMayFail = false, bool DropsClients = false)
{
    public override string ToString() => Name;
}
