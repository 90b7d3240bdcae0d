namespace Docsfy.Contracts.Repositories;

/// <summary>A project (repository) name: the last URL path segment without <c>.git</c>, or a local directory's name.</summary>
public static class ProjectName
{
    public const int MaxLength = 100;

    public static bool IsValid(string? name) => NameRule.IsValid(name, MaxLength);
}
