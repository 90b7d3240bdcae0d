using System.Net;

namespace Docsfy.Contracts.Repositories;

/// <summary>The outcome of <see cref="HostSafety.CheckResolvedAsync"/>: allowed, or refused with a reason users may see.</summary>
/// <param name="Addresses">
/// When allowed, the addresses that were checked. A client that resolves the name again may get another answer (DNS
/// rebinding), so one that can should connect to one of these instead.
/// </param>
public sealed record HostCheck(bool IsAllowed, string? Problem, IReadOnlyList<IPAddress> Addresses)
{
    public static HostCheck AllowedAt(IReadOnlyList<IPAddress> addresses) => new(true, null, addresses);

    public static HostCheck Refused(string problem) => new(false, problem, []);
}
