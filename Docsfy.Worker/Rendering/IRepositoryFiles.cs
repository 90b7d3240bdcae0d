using System.Diagnostics.CodeAnalysis;

namespace Docsfy.Worker.Rendering;

/// <summary>The repository's files as rendering may read them: inside the checkout only, links never followed.</summary>
public interface IRepositoryFiles
{
    /// <summary>Reads a file given relative to the repository ('/' separators), at most <paramref name="maxBytes"/> of it.</summary>
    bool TryReadBytes(string relativePath, long maxBytes, [NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out string? problem);
}
