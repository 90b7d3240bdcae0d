using System.Text;

namespace Docsfy.Bench.Reporting;

/// <summary>
/// What the bench found, section by section: printed as it goes (a long run shows progress) and written as Markdown at
/// the end.
/// </summary>
public sealed class BenchReport
{
    private readonly StringBuilder _markdown = new();

    public void Heading(string text)
    {
        Console.WriteLine();
        Console.WriteLine($"== {text}");
        _markdown.AppendLine().AppendLine($"## {text}").AppendLine();
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

    public async Task WriteAsync(string path, string preamble) =>
        await File.WriteAllTextAsync(path, preamble + _markdown.ToString());
}
