using System.Globalization;
using System.Text;
using LibGit2Sharp;

namespace Docsfy.Bench.Infrastructure;

/// <summary>
/// A local git repository shaped like a real project, for the pipeline scenario: a README, a few dozen Markdown pages
/// under docs/, and source files of a few KB each under src/ and tests/, one commit on <c>main</c>. The content is
/// deterministic (a fixed seed), so every bench run clones, lists and reads the same bytes.
/// </summary>
public sealed class BenchRepository : IDisposable
{
    private static readonly Signature Author = new("Bench", "bench@example.com", DateTimeOffset.UnixEpoch);
    private static readonly string[] Modules =
        ["core", "storage", "http", "cli", "config", "plugins", "auth", "render", "jobs", "metrics", "cache", "util"];
    private static readonly string[] Languages = ["cs", "ts", "py", "go"];

    private readonly string _root;

    private BenchRepository(string root, string path, int files, long bytes)
    {
        _root = root;
        Path = path;
        Files = files;
        Bytes = bytes;
    }

    /// <summary>The working tree; its directory name is the project name.</summary>
    public string Path { get; }

    public string Name => System.IO.Path.GetFileName(Path);

    public int Files { get; }

    /// <summary>Total size of the committed files.</summary>
    public long Bytes { get; }

    public static BenchRepository Create(string name, int fileCount)
    {
        var root = Directory.CreateTempSubdirectory("docsfy-bench-repo-").FullName;
        var path = System.IO.Path.Combine(root, name);
        Repository.Init(path);
        using var repository = new Repository(path);
        var files = Contents(name, fileCount).ToList();
        foreach (var (file, content) in files)
        {
            var full = System.IO.Path.Combine(path, file);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }
        Commands.Stage(repository, files.Select(f => f.Path));
        repository.Commit("Initial commit", Author, Author);
        if (repository.Head.FriendlyName != "main")
        {
            // Init names the first branch after the machine's git config; the API's default branch is main.
            var previous = repository.Head.FriendlyName;
            repository.Branches.Add("main", repository.Head.Tip);
            repository.Refs.UpdateTarget("HEAD", "refs/heads/main");
            repository.Branches.Remove(previous);
        }
        return new BenchRepository(root, path, files.Count, files.Sum(f => (long)Encoding.UTF8.GetByteCount(f.Content)));
    }

    /// <summary>
    /// Commits a change to one source file (the same file each time, a new line each time), so the next run has a
    /// one-file diff to document.
    /// </summary>
    public void CommitOneFileChange()
    {
        using var repository = new Repository(Path);
        var file = repository.Index.Select(entry => entry.Path).Where(path => path.StartsWith("src/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).First();
        _changes++;
        File.AppendAllText(System.IO.Path.Combine(Path, file),
            $"\nfunction tuned_{_changes}(input) {{\n    return input.filter(value => value > {_changes});\n}}\n");
        Commands.Stage(repository, file);
        repository.Commit($"Tune {file} ({_changes})", Author, Author);
    }

    private int _changes;

    /// <summary>README and project files, 40 docs pages, 10 % tests, the rest sources spread over modules and languages.</summary>
    private static IEnumerable<(string Path, string Content)> Contents(string name, int fileCount)
    {
        var random = new Random(20261129);
        yield return ("README.md", $"# {name}\n\nA generated project for the Docsfy pipeline benchmark.\n\n## Install\n\nRun `make install`.\n");
        yield return ("LICENSE", "MIT License\n\nCopyright (c) Bench\n");
        yield return (".gitignore", "bin/\nobj/\nnode_modules/\n");
        yield return ("Makefile", "install:\n\t@echo installing\n");
        var remaining = fileCount - 4;
        var docs = Math.Min(40, remaining);
        for (var i = 0; i < docs; i++)
        {
            yield return ($"docs/{Modules[i % Modules.Length]}-{i:D2}.md", DocsPage(Modules[i % Modules.Length], i, random));
        }
        remaining -= docs;
        for (var i = 0; i < remaining; i++)
        {
            var module = Modules[i % Modules.Length];
            var language = Languages[i / Modules.Length % Languages.Length];
            var folder = i % 10 == 9 ? "tests" : "src";
            yield return ($"{folder}/{module}/{language}/{module}_{i:D4}.{language}", SourceFile(module, i, random));
        }
    }

    private static string DocsPage(string module, int index, Random random)
    {
        var text = new StringBuilder($"# The {module} module ({index})\n\n");
        for (var paragraph = 0; paragraph < 6 + random.Next(6); paragraph++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"The {module} module handles part {paragraph} of the work. It reads its settings at start-up, keeps ")
                .Append("what it needs in memory and writes the rest to storage. Errors are logged and retried.\n\n");
        }
        return text.ToString();
    }

    /// <summary>Between 1 and 6 KB of plausible code: a header comment and a run of small functions.</summary>
    private static string SourceFile(string module, int index, Random random)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"// {module} component {index}: generated for the pipeline benchmark.\n\n");
        var target = 1024 + random.Next(5 * 1024);
        for (var function = 0; text.Length < target; function++)
        {
            text.Append(CultureInfo.InvariantCulture, $"function {module}_{index}_{function}(input, options) {{\n")
                .Append(CultureInfo.InvariantCulture, $"    // Step {function}: validate the input, then transform it.\n")
                .Append("    if (input == null) { throw new Error(\"input is required\"); }\n")
                .Append(CultureInfo.InvariantCulture, $"    const limit = options.limit ?? {random.Next(1, 1000)};\n")
                .Append("    return input.slice(0, limit).map(value => value * 2);\n}\n\n");
        }
        return text.ToString();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A temp folder left behind is not worth failing the bench over.
        }
    }
}
