using System.Text.Json;
using Docsfy.Api.Http;
using Docsfy.Api.Projects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docsfy.Api.Refresh;

/// <summary>Checks a settings body against the options and the project's own variants.</summary>
public static class RefreshSettingsValidation
{
    public const int MaxVariants = 100;

    /// <summary>The chosen variants (null for all), or the 400 that says what is wrong.</summary>
    /// <param name="existing">The project's variants as <c>branch/provider/model</c>: only those may be chosen.</param>
    public static (IReadOnlyList<string>? Variants, JsonHttpResult<ApiError>? Error) Validate(RefreshSettingsRequest request,
        RefreshOptions options, IReadOnlySet<string> existing)
    {
        if (request.IntervalMinutes is { } minutes && (minutes < options.MinimumIntervalMinutes || minutes > RefreshOptions.MaximumIntervalMinutes))
        {
            return (null, ApiError.BadField("interval_minutes",
                $"interval_minutes is null (no schedule) or from {options.MinimumIntervalMinutes} to {RefreshOptions.MaximumIntervalMinutes} (7 days)."));
        }
        var variants = request.Variants;
        if (variants.ValueKind == JsonValueKind.String && variants.GetString() == RefreshSettingsResponse.AllVariants)
        {
            return (null, null);
        }
        const string shape = "variants is \"all\" or a list of \"branch/provider/model\" of this project's variants.";
        if (variants.ValueKind != JsonValueKind.Array || variants.GetArrayLength() is 0 or > MaxVariants)
        {
            return (null, ApiError.BadField("variants", $"{shape} (1 to {MaxVariants} of them)"));
        }
        var chosen = new List<string>();
        foreach (var item in variants.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { } label || label.Split('/') is not [var branch, var provider, var model]
                || !ProjectNames.IsValidBranch(branch) || !VariantRoute.IsValidLabel(provider) || !VariantRoute.IsValidLabel(model))
            {
                return (null, ApiError.BadField("variants", shape));
            }
            if (!existing.Contains(label))
            {
                return (null, ApiError.BadField("variants", $"This project has no variant {label}."));
            }
            if (!chosen.Contains(label, StringComparer.Ordinal))
            {
                chosen.Add(label);
            }
        }
        return (chosen, null);
    }
}
