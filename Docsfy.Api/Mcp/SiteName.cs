using Docsfy.Api.Projects;
using Docsfy.Api.Auth;
using ModelContextProtocol;

namespace Docsfy.Api.Mcp;

/// <summary>The site an MCP call names: a project, narrowed by any of branch, provider, model and owner.</summary>
public sealed record SiteName(string Project, string? Branch, string? Provider, string? Model, string? Owner)
{
    /// <summary>Checks the names with the rules that made them; an invalid one is a tool error naming the argument.</summary>
    public static SiteName Validate(string project, string? branch, string? provider, string? model, string? owner)
    {
        Require(ProjectNames.IsValidName(project), "project", "not a valid project name");
        Require(branch is null || ProjectNames.IsValidBranch(branch), "branch", "not a valid branch name");
        Require(provider is null || VariantRoute.IsValidLabel(provider), "provider", "not a valid provider name");
        Require(model is null || VariantRoute.IsValidLabel(model), "model", "not a valid model name");
        Require(owner is null || Usernames.IsValid(owner), "owner", "not a valid username");
        return new SiteName(project, branch, provider, model, owner);
    }

    private static void Require(bool valid, string argument, string problem)
    {
        if (!valid)
        {
            throw new McpException($"Invalid {argument}: {problem}.");
        }
    }
}
