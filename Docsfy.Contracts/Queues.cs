namespace Docsfy.Contracts;

/// <summary>Queue names both sides must agree on.</summary>
public static class Queues
{
    /// <summary>
    /// Where the API sends <see cref="GenerateDocumentation"/> and every worker consumes from. A command is sent to the
    /// queue (not published), so it waits there even when no worker has started yet.
    /// </summary>
    public const string Generation = "generate-documentation";

    /// <summary>Where the API asks any worker for a repository's branches (<see cref="ListBranches"/>).</summary>
    public const string BranchListing = "list-branches";
}
