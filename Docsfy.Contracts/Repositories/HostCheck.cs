namespace Docsfy.Contracts.Repositories;

/// <summary>The outcome of <see cref="HostSafety.CheckResolvedAsync"/>: allowed, or refused with a reason users may see.</summary>
public sealed record HostCheck(bool IsAllowed, string? Problem)
{
    public static readonly HostCheck Allowed = new(true, null);

    public static HostCheck Refused(string problem) => new(false, problem);
}
