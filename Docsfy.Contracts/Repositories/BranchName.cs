namespace Docsfy.Contracts.Repositories;

/// <summary>
/// A branch as Docsfy accepts it: the project-name pattern, so no '/' (it is a URL and folder segment) and no '..'.
/// The maximum length matches project names so that the API's existing rule is unchanged.
/// </summary>
public static class BranchName
{
    public const int MaxLength = ProjectName.MaxLength;

    public const string Default = "main";

    public static bool IsValid(string? branch) => NameRule.IsValid(branch, MaxLength);
}
