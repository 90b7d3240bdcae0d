using Docsfy.Contracts.Repositories;

namespace Docsfy.Api.Projects;

/// <summary>
/// Project names and branches as the API checks them. The rule itself lives in Docsfy.Contracts so that the worker
/// applies exactly the same one.
/// </summary>
public static class ProjectNames
{
    public const int MaxLength = ProjectName.MaxLength;

    public static bool IsValidName(string? name) => ProjectName.IsValid(name);

    public static bool IsValidBranch(string? branch) => BranchName.IsValid(branch);
}
