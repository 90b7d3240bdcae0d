using System.Text;
using Docsfy.Worker.Plans;

namespace Docsfy.Worker.Pipeline;

/// <summary>
/// What the pipeline asks the AI. Prompts give instructions and name scratch files for bulky data; a bounded excerpt is
/// also inlined, so providers that cannot read files (the HTTP provider) still see enough.
/// </summary>
public static class Prompts
{
    public const int MaxInlineChars = 12_000;

    public static string Plan(RunContext run, string overviewFile) => $$"""
        You are planning the documentation website of the repository "{{run.Variant.Name}}" (branch {{run.Variant.Branch}}),
        checked out in the current directory. Explore it. An overview of its files is in {{overviewFile}}; an excerpt:

        {{Excerpt(run.Repository.Overview)}}

        Plan 5 to 15 pages that explain what it is, how to use it and how it works, grouped for a reader.
        {{(run.Command.RepoType is { } type ? $"The repository is of type \"{type}\"." : "")}}
        Answer with ONLY this JSON object, no prose, no Markdown:
        {"project_name": "...", "tagline": "one line", "repo_type": "app|tests|library|framework",
         "navigation": [{"group": "...", "pages": [{"slug": "lowercase-words-with-dashes", "title": "...",
                                                    "description": "one sentence", "type": "guide|reference|recipe|concept"}]}]}
        """;

    public static string Page(RunContext run, DocumentationPlan plan, PlanPage page, string planFile,
        IReadOnlyCollection<string>? avoid = null) => $"""
        Write the documentation page "{page.Title}" of the project "{plan.ProjectName}" from the repository in the current
        directory. Page type: {page.Type}. Purpose: {page.Description}
        The whole site's plan is in {planFile}. The other pages, to link as [Title](slug.html):
        {PageList(plan, except: page.Slug)}
        {(avoid is { Count: > 0 } ? "Do not mention these, they do not exist in the repository: " + string.Join(", ", avoid) : "")}
        Be accurate: describe only what the repository contains. Answer with ONLY the page's Markdown, starting with
        "# {page.Title}". No HTML.
        """;

    public static string Validate(PlanPage page, string pageFile, string markdown) => $"""
        Check the documentation page "{page.Title}" in {pageFile} against the repository in the current directory.
        List every file, function, class, command, setting or option it mentions that does not exist in the repository.
        Answer with ONLY a JSON array of strings, [] when everything exists. The page begins:

        {Excerpt(markdown)}
        """;

    public static string RelatedPages(DocumentationPlan plan, string manifestFile) => $"""
        The pages of a documentation site are listed in {manifestFile} and here (slug: title - description):
        {Excerpt(string.Join('\n', plan.Pages.Select(p => $"{p.Slug}: {p.Title} - {p.Description}")))}
        For each page choose up to 5 other pages a reader should see next. Answer with ONLY a JSON object mapping each
        slug to an array of slugs, e.g. {"{"}"intro": ["install", "usage"]{"}"}.
        """;

    public static string IncrementalPlan(DocumentationPlan plan, string planFile, string changesFile, string diffFile,
        string changes) => $"""
        You are deciding which pages of an existing documentation site must be rewritten because the repository in the
        current directory changed. The site's plan is in {planFile}; its pages (slug: title - description):
        {Excerpt(string.Join('\n', plan.Pages.Select(p => $"{p.Slug}: {p.Title} - {p.Description}")))}

        The changed files are listed in {changesFile}; the full diff is in {diffFile}. Changed files:
        {Excerpt(changes)}

        Answer with ONLY a JSON array of the slugs of the pages whose content the change makes wrong or incomplete, [] when
        no page is affected, or ["all"] when the change is too large to judge or the site's structure should change.
        """;

    public static string UpdatePage(PlanPage page, string pageFile, string diffFile, string diff) => $$"""
        Update the documentation page "{{page.Title}}" to match the repository in the current directory, which changed.
        The page's current Markdown is in {{pageFile}}; the changes relevant to it are in {{diffFile}}, beginning:

        {{Excerpt(diff)}}

        Prefer small exact edits. Answer with ONLY this JSON object, where each "old" is text copied exactly from the
        page that occurs in it once, and edits do not overlap:
        {"replacements": [{"old": "exact current text", "new": "replacement text"}]}
        If the page needs rewriting instead, answer with ONLY the whole new page's Markdown, starting with "# {{page.Title}}".
        """;

    private static string PageList(DocumentationPlan plan, string except)
    {
        var list = new StringBuilder();
        foreach (var page in plan.Pages.Where(p => p.Slug != except))
        {
            list.Append("- ").Append(page.Slug).Append(": ").AppendLine(page.Title);
        }
        return Excerpt(list.ToString());
    }

    private static string Excerpt(string text) =>
        text.Length <= MaxInlineChars ? text : text[..MaxInlineChars] + "\n[... truncated; read the file for the rest]";
}
