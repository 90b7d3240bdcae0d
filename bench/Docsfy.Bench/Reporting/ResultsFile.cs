using System.Text;
using System.Text.RegularExpressions;

namespace Docsfy.Bench.Reporting;

/// <summary>
/// bench/results.md holds every scenario's latest results, one marked section each
/// (<c>&lt;!-- bench:NAME --&gt;</c> … <c>&lt;!-- /bench:NAME --&gt;</c>), because a run of some scenarios
/// (<c>--scenarios pipeline</c>) must not erase the others'. Writing replaces the header (everything before the first
/// section) and the sections of the scenarios that ran; other sections and any text between or after them (notes added
/// by hand) stay as they are. A section seen for the first time goes after the last existing one.
/// </summary>
public static partial class ResultsFile
{
    public static string Begin(string scenario) => $"<!-- bench:{scenario} -->";

    public static string End(string scenario) => $"<!-- /bench:{scenario} -->";

    public static string Merge(string? existing, string header, IReadOnlyList<(string Scenario, string Markdown)> sections)
    {
        var blocks = sections.Select(s => (s.Scenario, Text: $"{Begin(s.Scenario)}\n{s.Markdown.Trim('\n')}\n{End(s.Scenario)}")).ToList();
        var firstSection = existing is null ? null : AnySection().Match(existing);
        if (existing is null || firstSection is not { Success: true })
        {
            // No file, or one without sections: nothing in it can be matched to a scenario, so it is replaced.
            return header.TrimEnd('\n') + "\n\n" + string.Join("\n\n", blocks.Select(b => b.Text)) + "\n";
        }

        var body = existing[firstSection.Index..];
        var added = new List<string>();
        foreach (var (scenario, text) in blocks)
        {
            var begin = body.IndexOf(Begin(scenario), StringComparison.Ordinal);
            var end = body.IndexOf(End(scenario), StringComparison.Ordinal);
            if (begin >= 0 && end > begin)
            {
                body = string.Concat(body.AsSpan(0, begin), text, body.AsSpan(end + End(scenario).Length));
            }
            else
            {
                added.Add(text);
            }
        }
        if (added.Count > 0)
        {
            var lastEnd = AnySectionEnd().Matches(body)[^1];
            var at = lastEnd.Index + lastEnd.Length;
            body = new StringBuilder(body).Insert(at, "\n\n" + string.Join("\n\n", added)).ToString();
        }
        return header.TrimEnd('\n') + "\n\n" + body.TrimEnd('\n') + "\n";
    }

    [GeneratedRegex(@"<!-- bench:[a-z]+ -->")]
    private static partial Regex AnySection();

    [GeneratedRegex(@"<!-- /bench:[a-z]+ -->")]
    private static partial Regex AnySectionEnd();
}
