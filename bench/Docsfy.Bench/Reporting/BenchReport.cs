using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Docsfy.Bench.Reporting;

/// <summary>
/// What the bench found, scenario by scenario: printed as it goes (a long run shows progress) and written as Markdown at
/// the end, one section per scenario (see <see cref="ResultsFile"/>), each with when and under what load it ran.
/// </summary>
public sealed class BenchReport(string command)
{
    private readonly List<(string Scenario, StringBuilder Markdown)> _sections = [];
    private StringBuilder _markdown = new();
    private int _runInfoAt = -1;

    /// <summary>Runs one scenario (all its repeats); what it reports becomes that scenario's section.</summary>
    public async Task ScenarioAsync(string scenario, Func<Task> run)
    {
        (_markdown, _runInfoAt) = (new StringBuilder(), -1);
        _sections.Add((scenario, _markdown));
        var (startedAt, loadBefore, clock) = (DateTime.UtcNow, MachineInfo.LoadAverage(), Stopwatch.StartNew());
        await run();
        // After the section's first heading: the load is part of what was measured on a shared machine.
        var runInfo = string.Create(CultureInfo.InvariantCulture, $"""
            | | |
            |---|---|
            | run | {startedAt:yyyy-MM-dd HH:mm} UTC, commit {MachineInfo.Commit()}, `{command}`, {clock.Elapsed.TotalMinutes:0.0} min |
            | load average before → after | {loadBefore} → {MachineInfo.LoadAverage()} |


            """);
        _markdown.Insert(Math.Max(0, _runInfoAt), runInfo);
    }

    public void Heading(string text)
    {
        Console.WriteLine();
        Console.WriteLine($"== {text}");
        _markdown.AppendLine().AppendLine($"## {text}").AppendLine();
        if (_runInfoAt < 0)
        {
            _runInfoAt = _markdown.Length;
        }
    }

    public void Line(string text)
    {
        Console.WriteLine(text);
        _markdown.AppendLine(text);
    }

    /// <summary>A Markdown table; the console gets the same rows, pipe-separated.</summary>
    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        _markdown.AppendLine().AppendLine("| " + string.Join(" | ", header) + " |");
        _markdown.AppendLine("|" + string.Concat(header.Select(_ => "---|")));
        Console.WriteLine(string.Join(" | ", header));
        foreach (var row in rows)
        {
            _markdown.AppendLine("| " + string.Join(" | ", row) + " |");
            Console.WriteLine(string.Join(" | ", row));
        }
        _markdown.AppendLine();
    }

    /// <summary>Progress for the console only.</summary>
    public static void Progress(string text) => Console.WriteLine($"   {DateTime.Now:HH:mm:ss} {text}");

    /// <summary>Merges the sections of the scenarios that ran into the results file, keeping the others.</summary>
    public async Task WriteAsync(string path, string header)
    {
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path) : null;
        await File.WriteAllTextAsync(path, ResultsFile.Merge(existing, header,
            [.. _sections.Select(s => (s.Scenario, s.Markdown.ToString()))]));
    }
}
