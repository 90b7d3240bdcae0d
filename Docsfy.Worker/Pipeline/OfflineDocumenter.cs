using System.Text;
using System.Text.RegularExpressions;
using Docsfy.Worker.Cloning;
using Docsfy.Worker.Plans;

namespace Docsfy.Worker.Pipeline;

/// <summary>
/// Provider <c>offline</c> (model <c>markdown</c>): documentation without any AI, from the repository itself. The README
/// becomes the overview, each Markdown file under <c>docs/</c> a guide, and each top-level source folder a reference
/// page listing its files, so a fresh install can document a repository with nothing else installed. Guides and folders
/// come in natural order ("Topic 2" before "Topic 10"); past the limits below, the source-tree page says what was left out.
/// </summary>
public sealed partial class OfflineDocumenter
{
    public const int MaxDocsPages = 150;
    public const int MaxFolderPages = 30;
    private const int MaxFilesListed = 200;

    private static readonly string[] ReadmeNames = ["README.md", "README.markdown", "README.rst", "README.txt", "README"];
    private static readonly string[] DocsFolders = ["docs/", "doc/", "documentation/"];

    public OfflinePlan Plan(RepositorySnapshot repository, string projectName, string? repoType)
    {
        var readme = FindReadme(repository);
        var readmeText = readme is null ? null : repository.ReadText(readme);
        var start = new List<PlanPage> { new("overview", "Overview", $"What {projectName} is.", "concept") };

        var used = new HashSet<string>(["overview", "source-tree"], StringComparer.Ordinal);
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        var guides = new List<PlanPage>();
        var docsFiles = DocsFiles(repository);
        var allFolders = TopLevelFolders(repository);
        foreach (var path in docsFiles.Take(MaxDocsPages))
        {
            var slug = UniqueSlug(path, used);
            documents[slug] = path;
            guides.Add(new PlanPage(slug, TitleOf(repository, path), $"From {path}.", "guide"));
        }
        var folders = new List<PlanPage>();
        foreach (var folder in allFolders.Take(MaxFolderPages))
        {
            var slug = UniqueSlug("folder-" + folder, used);
            documents[slug] = folder + "/";
            folders.Add(new PlanPage(slug, $"{folder}/", $"The files under {folder}/.", "reference"));
        }
        var reference = new List<PlanPage> { new("source-tree", "Source tree", "How the repository is laid out.", "reference") };
        reference.AddRange(folders);

        var groups = new List<PlanGroup> { new("Start here", start) };
        if (guides.Count > 0)
        {
            groups.Add(new PlanGroup("Guides", guides));
        }
        groups.Add(new PlanGroup("Reference", reference));
        var plan = new DocumentationPlan(projectName, TaglineOf(readmeText) ?? $"Documentation of {projectName}.", repoType ?? "app", groups);
        return new OfflinePlan(plan, documents, new OfflineCoverage(guides.Count, docsFiles.Count, folders.Count, allFolders.Count));
    }

    public string WritePage(RepositorySnapshot repository, OfflinePlan offline, PlanPage page)
    {
        var plan = offline.Plan;
        if (page.Slug == "overview")
        {
            var readme = FindReadme(repository) is { } path ? repository.ReadText(path) : null;
            return readme is null
                ? $"# {plan.ProjectName}\n\nThis repository has no README. See [Source tree](source-tree.html) for its layout.\n"
                : WithTitle(readme, plan.ProjectName);
        }
        if (page.Slug == "source-tree")
        {
            return $"# Source tree\n\n{offline.Coverage.Describe()}```text\n{repository.Overview}\n```\n";
        }
        var source = offline.Sources[page.Slug];
        if (source.EndsWith('/'))
        {
            return FolderPage(repository, source.TrimEnd('/'));
        }
        return repository.ReadText(source) is { } text ? WithTitle(text, page.Title) : $"# {page.Title}\n\n{source} could not be read.\n";
    }

    private static string FolderPage(RepositorySnapshot repository, string folder)
    {
        var page = new StringBuilder($"# {folder}/\n\n");
        var files = repository.Files.Where(f => f.StartsWith(folder + "/", StringComparison.Ordinal)).ToList();
        if (repository.ReadText(folder + "/README.md") is { } readme)
        {
            page.AppendLine(DemoteHeadings(readme)).AppendLine();
        }
        page.AppendLine($"{files.Count} files.").AppendLine().AppendLine("```text");
        foreach (var file in files.Take(MaxFilesListed))
        {
            page.AppendLine(file);
        }
        if (files.Count > MaxFilesListed)
        {
            page.AppendLine($"... and {files.Count - MaxFilesListed} more");
        }
        return page.AppendLine("```").ToString();
    }

    private static string? FindReadme(RepositorySnapshot repository) =>
        ReadmeNames.Select(name => repository.Files.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase)))
            .FirstOrDefault(found => found is not null);

    private static List<string> DocsFiles(RepositorySnapshot repository) => [.. repository.Files
        .Where(f => DocsFolders.Any(d => f.StartsWith(d, StringComparison.OrdinalIgnoreCase))
                    && (f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase)))
        .Order(NaturalComparer.Instance)];

    private static List<string> TopLevelFolders(RepositorySnapshot repository) => [.. repository.Files
        .Where(f => f.Contains('/'))
        .Select(f => f[..f.IndexOf('/')])
        .Where(folder => !folder.StartsWith('.') && !DocsFolders.Contains(folder + "/", StringComparer.OrdinalIgnoreCase))
        .Distinct(StringComparer.Ordinal)
        .Order(NaturalComparer.Instance)];

    private static string TitleOf(RepositorySnapshot repository, string path) =>
        repository.ReadText(path) is { } text && FirstHeading().Match(text) is { Success: true } heading
            ? heading.Groups["title"].Value.Trim()
            : Path.GetFileNameWithoutExtension(path).Replace('-', ' ').Replace('_', ' ');

    private static string? TaglineOf(string? readme)
    {
        var line = readme?.Split('\n').Select(l => l.Trim())
            .FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith('[') && !l.StartsWith('!') && !l.StartsWith('<'));
        return line is null ? null : line.Length <= 160 ? line : line[..157] + "...";
    }

    /// <summary>Pages start with their title as the only level-1 heading.</summary>
    private static string WithTitle(string markdown, string title) =>
        markdown.TrimStart().StartsWith("# ", StringComparison.Ordinal) ? markdown : $"# {title}\n\n{markdown}";

    private static string DemoteHeadings(string markdown) => Heading().Replace(markdown, "#$1");

    private static string UniqueSlug(string source, HashSet<string> used)
    {
        var slug = Slug.Normalize(Path.ChangeExtension(source, null)) ?? "page";
        var candidate = slug;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }
        return candidate;
    }

    [GeneratedRegex(@"^#[ \t]+(?<title>.+)$", RegexOptions.Multiline)]
    private static partial Regex FirstHeading();

    [GeneratedRegex(@"^(#{1,5}[ \t])", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
