using System.Text.Json;
using Docsfy.Cli.Connection;

namespace Docsfy.Cli.Projects;

/// <summary>A project name and whichever of branch, provider, model and owner the user gave.</summary>
public sealed record VariantFilter(string Name, string? Branch, string? Provider, string? Model, string? Owner)
{
    /// <summary>Only the project was named: the project-wide endpoint (abort the running one, the newest site) applies.</summary>
    public bool NamesProjectOnly => Branch is null && Provider is null && Model is null;

    public bool Matches(JsonElement variant) =>
        (Branch is null || VariantId.Text(variant, "branch") == Branch)
        && (Provider is null || VariantId.Text(variant, "ai_provider") == Provider)
        && (Model is null || VariantId.Text(variant, "ai_model") == Model)
        && (Owner is null || string.Equals(VariantId.Text(variant, "owner"), Owner, StringComparison.OrdinalIgnoreCase));

    /// <summary>The one visible variant this filter names: 404 when none, 409 (exit 5) when several.</summary>
    public async Task<JsonElement> ResolveAsync(ApiClient api, CancellationToken cancellationToken)
    {
        var project = await api.GetAsync(ApiPaths.Project(Name), cancellationToken);
        var matching = project.GetProperty("variants").EnumerateArray().Where(Matches).ToList();
        return matching.Count switch
        {
            1 => matching[0],
            0 => throw new CliFailure(ExitCodes.NotFound, $"No variant of {Name} matches {Describe()}."),
            _ => throw new CliFailure(ExitCodes.Conflict,
                $"{matching.Count} variants of {Name} match; narrow with --branch, --provider, --model or --owner: "
                + string.Join(", ", matching.Select(v => VariantId.FromRecord(v).ToString()))),
        };
    }

    private string Describe() => string.Join(" ", new[]
    {
        Branch is null ? null : $"--branch {Branch}", Provider is null ? null : $"--provider {Provider}",
        Model is null ? null : $"--model {Model}", Owner is null ? null : $"--owner {Owner}",
    }.Where(part => part is not null)) is { Length: > 0 } given ? given : "(anything)";
}
