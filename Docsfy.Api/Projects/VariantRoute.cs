using Docsfy.Api.Auth;
using Docsfy.Api.Http;

namespace Docsfy.Api.Projects;

/// <summary>Validation of the route and query values that name variants, shared by the project, docs and download endpoints.</summary>
public static class VariantRoute
{
    /// <summary>Provider and model names come from configuration and providers (e.g. <c>llama3.1:8b</c>), so only their
    /// length and printability are checked; they are compared with stored values, never used as paths.</summary>
    public const int MaxLabelLength = 200;

    public static JsonHttpResult<ApiError>? CheckName(string name) =>
        ProjectNames.IsValidName(name) ? null : ApiError.BadRequest("Invalid project name.");

    public static JsonHttpResult<ApiError>? CheckVariant(string name, string branch, string provider, string model)
    {
        if (CheckName(name) is { } invalid)
        {
            return invalid;
        }
        if (!ProjectNames.IsValidBranch(branch))
        {
            return ApiError.BadRequest("Invalid branch name.");
        }
        return IsValidLabel(provider) && IsValidLabel(model) ? null : ApiError.BadRequest("Invalid provider or model name.");
    }

    /// <summary>An <c>?owner=</c> is optional; when given it must be a well-formed username.</summary>
    public static JsonHttpResult<ApiError>? CheckOwner(string? owner) =>
        owner is null || Usernames.IsValid(owner) ? null : ApiError.BadRequest("Invalid owner username.");

    public static bool IsValidLabel(string? value) =>
        value is { Length: > 0 and <= MaxLabelLength } && !value.Any(char.IsControl) && value.Trim().Length == value.Length;

    public static bool IsValidVariant(string name, string branch, string provider, string model) =>
        CheckVariant(name, branch, provider, model) is null;
}
