namespace Docsfy.Api.Generation;

/// <summary>Why <see cref="RunLifecycle"/> would not do what it was asked; each caller says it its own way (HTTP, MCP, log).</summary>
/// <param name="Field">The request field at fault, named as the REST body names it; null when no one field is.</param>
public sealed record RunRefusal(RunRefusalReason Reason, string Detail, string? Field = null)
{
    public static RunRefusal Invalid(string detail) => new(RunRefusalReason.Invalid, detail);

    /// <summary>Invalid because of one field, named as the REST body names it.</summary>
    public static RunRefusal InvalidField(string field, string detail) => new(RunRefusalReason.Invalid, detail, field);

    public static RunRefusal Forbidden(string detail) => new(RunRefusalReason.Forbidden, detail);

    public static RunRefusal NotFound(string detail) => new(RunRefusalReason.NotFound, detail);

    public static RunRefusal Conflict(string detail) => new(RunRefusalReason.Conflict, detail);

    public static RunRefusal Unavailable(string detail) => new(RunRefusalReason.Unavailable, detail);
}

public enum RunRefusalReason
{
    /// <summary>The request itself is wrong; <see cref="RunRefusal.Field"/> says where when it can.</summary>
    Invalid,

    /// <summary>The caller may see the variant or the source but not do this to it.</summary>
    Forbidden,

    /// <summary>Nothing the caller may act on matches (including what exists but the caller cannot see).</summary>
    NotFound,

    /// <summary>The variant's state does not allow it now: already generating, finished meanwhile, or ambiguous.</summary>
    Conflict,

    /// <summary>The workers cannot be reached; trying again later may work.</summary>
    Unavailable,
}
