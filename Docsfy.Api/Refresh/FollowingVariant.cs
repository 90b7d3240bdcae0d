using Docsfy.Contracts;

namespace Docsfy.Api.Refresh;

/// <summary>A variant that follows its branch, with what a schedule compares: its source and the commit it documents.</summary>
public sealed record FollowingVariant(VariantKey Variant, string RepoUrl, string Status, string? LastCommitSha)
{
    /// <summary>Variants from a path on the server record the path (always absolute) as their source.</summary>
    public bool IsLocalPath => RepoUrl.StartsWith('/');
}
