using System.Text;

namespace Docsfy.Worker.CrossLinking;

/// <summary>
/// Replacements at positions in the original Markdown, applied together. Editing the source text rather than
/// re-serialising Markdig's tree leaves everything the cross-linker does not touch exactly as the AI wrote it.
/// </summary>
internal sealed class SourceEdits
{
    private readonly List<(int Start, int Length, string Replacement)> _edits = [];

    public bool IsEmpty => _edits.Count == 0;

    public void Replace(int start, int length, string replacement) => _edits.Add((start, length, replacement));

    public void Delete(int start, int length)
    {
        if (length > 0)
            Replace(start, length, "");
    }

    public void Insert(int position, string text) => Replace(position, 0, text);

    public string ApplyTo(string source)
    {
        if (IsEmpty)
            return source;

        var result = new StringBuilder(source.Length + 64);
        var position = 0;
        // At one position, insertions go before a replacement that starts there (text inserted at the end of one
        // thing, text deleted from the start of the next); the sort is stable, so insertions keep their order.
        foreach (var (start, length, replacement) in _edits.OrderBy(edit => edit.Start).ThenBy(edit => edit.Length > 0))
        {
            if (start < position)
                throw new InvalidOperationException("Cross-linking produced overlapping edits; this is a bug.");
            result.Append(source, position, start - position).Append(replacement);
            position = start + length;
        }
        return result.Append(source, position, source.Length - position).ToString();
    }
}
