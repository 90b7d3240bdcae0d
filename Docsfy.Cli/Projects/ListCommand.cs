using System.CommandLine;
using System.Text.Json;
using Docsfy.Cli.Connection;
using Docsfy.Cli.Output;
using Spectre.Console;

namespace Docsfy.Cli.Projects;

/// <summary><c>docsfy list</c>: every visible variant as a tree of repository → branch → variant.</summary>
public static class ListCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var words = new Argument<string[]>("filter") { Description = "Words every listed variant must match (name, branch, provider/model, owner or status)", Arity = ArgumentArity.ZeroOrMore };
        var status = new Option<string?>("--status") { Description = "Only variants with this status" };
        status.AcceptOnlyFromAmong("generating", "ready", "error", "aborted");
        var owner = new Option<string?>("--owner") { Description = "Only variants of this owner" };
        var command = new Command("list", "List the variants you can see, by repository and branch") { words, status, owner };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var answer = await context.Api.GetAsync("api/projects", cancellationToken);
            var wanted = context.Value(words) ?? [];
            var variants = answer.GetProperty("projects").EnumerateArray()
                .Where(v => context.Value(status) is not { } s || VariantId.Text(v, "status") == s)
                .Where(v => context.Value(owner) is not { } o || string.Equals(VariantId.Text(v, "owner"), o, StringComparison.OrdinalIgnoreCase))
                .Where(v => wanted.All(word => Haystack(v).Contains(word, StringComparison.OrdinalIgnoreCase)))
                .ToList();
            if (context.Json)
            {
                context.Terminal.Json(JsonSerializer.SerializeToElement(new { projects = variants }));
                return ExitCodes.Ok;
            }
            if (variants.Count == 0)
            {
                context.Terminal.Line("No variants.");
                return ExitCodes.Ok;
            }
            var tree = new Tree(new Text("projects"));
            foreach (var project in variants.GroupBy(v => VariantId.Text(v, "name")).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var projectNode = tree.AddNode(new Text(project.Key ?? "", new Style(decoration: Decoration.Bold)));
                foreach (var branch in project.GroupBy(v => VariantId.Text(v, "branch")).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var branchNode = projectNode.AddNode(new Text(branch.Key ?? ""));
                    foreach (var variant in branch)
                    {
                        branchNode.AddNode(new Text(Line(variant), StatusStyle(VariantId.Text(variant, "status"))));
                    }
                }
            }
            context.Terminal.Out.Write(tree);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Line(JsonElement variant)
    {
        var pages = VariantText.Pages(variant);
        var error = VariantId.Text(variant, "error_message") is { Length: > 0 } message ? $"  {message.Split('\n')[0]}" : "";
        return $"{VariantId.Text(variant, "ai_provider")}/{VariantId.Text(variant, "ai_model")} ({VariantId.Text(variant, "owner")})  "
               + $"{VariantText.Status(variant)}{(pages.Length > 0 ? $"  {pages} pages" : "")}{error}";
    }

    private static string Haystack(JsonElement variant) => string.Join(" ",
        VariantId.Text(variant, "name"), VariantId.Text(variant, "branch"),
        $"{VariantId.Text(variant, "ai_provider")}/{VariantId.Text(variant, "ai_model")}",
        VariantId.Text(variant, "owner"), VariantId.Text(variant, "status"));

    private static Style StatusStyle(string? status) => status switch
    {
        "ready" => new Style(Color.Green),
        "error" => new Style(Color.Red),
        "generating" => new Style(Color.Blue),
        _ => new Style(Color.Grey),
    };
}
