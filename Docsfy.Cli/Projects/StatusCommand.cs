using System.CommandLine;
using System.Text.Json;
using Docsfy.Cli.Connection;
using Docsfy.Cli.Output;
using Spectre.Console;

namespace Docsfy.Cli.Projects;

/// <summary><c>docsfy status</c>: a project's variants, or one variant, in detail.</summary>
public static class StatusCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var variant = new VariantOptions();
        var command = new Command("status", "Show a project's variants (or one, narrowed by the options) in detail");
        variant.AddTo(command);
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var filter = variant.Read(context);
            JsonElement answer;
            IReadOnlyList<JsonElement> variants;
            if (filter.NamesProjectOnly)
            {
                answer = await context.Api.GetAsync(ApiPaths.Project(filter.Name), cancellationToken);
                variants = [.. answer.GetProperty("variants").EnumerateArray().Where(filter.Matches)];
                if (variants.Count == 0)
                {
                    throw new CliFailure(ExitCodes.NotFound, $"No variant of {filter.Name} is owned by {filter.Owner}.");
                }
            }
            else
            {
                answer = await filter.ResolveAsync(context.Api, cancellationToken);
                variants = [answer];
            }
            if (context.Json)
            {
                context.Terminal.Json(answer);
                return ExitCodes.Ok;
            }
            foreach (var v in variants)
            {
                context.Terminal.Out.Write(Details(v));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Grid Details(JsonElement variant)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string label, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                grid.AddRow(new Text(label, new Style(decoration: Decoration.Bold)), new Text(value));
            }
        }
        Row("variant", VariantId.FromRecord(variant).ToString());
        Row("repository", VariantId.Text(variant, "repo_url"));
        Row("status", VariantText.Status(variant));
        Row("pages", VariantText.Pages(variant));
        Row("commit", VariantId.Text(variant, "last_commit_sha"));
        Row("generated", VariantId.Text(variant, "last_generated") is { } at ? $"{at} UTC" : null);
        Row("updated", VariantId.Text(variant, "updated_at") is { } updated ? $"{updated} UTC" : null);
        Row("error", VariantId.Text(variant, "error_message"));
        Row("generation", VariantId.Text(variant, "generation_id"));
        if (variant.TryGetProperty("ai_usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
        {
            Row("AI usage", string.Join(", ", usage.EnumerateObject().Select(p => $"{p.Name} {p.Value}")));
        }
        grid.AddEmptyRow();
        return grid;
    }
}
