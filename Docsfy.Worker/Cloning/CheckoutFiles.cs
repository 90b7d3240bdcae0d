using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Docsfy.Worker.Cloning;

/// <summary>
/// Reads a checkout without ever leaving it: symbolic links are neither listed nor followed, <c>.git</c> is skipped,
/// files over the size limit are listed with their size but not read, and listings are bounded.
/// </summary>
/// <remarks>
/// The checks run before each open, so a process that swaps a file for a link between the check and the open could
/// still win that race. Nothing but Docsfy writes to the checkout while it is read, so that window is accepted.
/// </remarks>
public sealed class CheckoutFiles
{
    public const int DefaultMaxFiles = 20_000;
    public const long DefaultMaxReadBytes = 1024 * 1024;

    /// <summary>How much of a file is examined for NUL bytes, as git does to tell binary from text.</summary>
    public const int BinarySniffBytes = 8 * 1024;

    private readonly int _maxFiles;
    private readonly long _maxReadBytes;
    private readonly string _realRoot;

    public CheckoutFiles(string root, int maxFiles = DefaultMaxFiles, long maxReadBytes = DefaultMaxReadBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFiles);
        ArgumentOutOfRangeException.ThrowIfNegative(maxReadBytes);
        Root = Path.GetFullPath(root);
        if (!Directory.Exists(Root))
        {
            throw new DirectoryNotFoundException($"The checkout '{Root}' does not exist.");
        }
        _realRoot = RealPath.Resolve(Root);
        _maxFiles = maxFiles;
        _maxReadBytes = maxReadBytes;
    }

    public CheckoutFiles(Checkout checkout) : this(checkout.Directory)
    {
    }

    public string Root { get; }

    /// <summary>Lists up to the file limit of regular files, sniffing each for binary content.</summary>
    public CheckoutListing List()
    {
        var files = new List<CheckoutFile>();
        int links = 0, badNames = 0;
        var truncated = false;
        foreach (var entry in CheckoutWalker.Walk(Root))
        {
            switch (entry.Kind)
            {
                case WalkEntryKind.Link:
                    links++;
                    continue;
                case WalkEntryKind.UnreadableName:
                    badNames++;
                    continue;
            }
            if (files.Count == _maxFiles)
            {
                truncated = true;
                break;
            }
            var info = (FileInfo)entry.Info;
            files.Add(new CheckoutFile(entry.RelativePath, info.Length, IsBinary(info.FullName), info.Length > _maxReadBytes));
        }
        return new CheckoutListing(files, truncated, links, badNames);
    }

    /// <summary>Reads a text file; throws <see cref="CheckoutReadException"/> saying why when it may not or cannot.</summary>
    public string ReadText(string relativePath) =>
        TryReadText(relativePath, out var text, out var problem) ? text : throw new CheckoutReadException(problem);

    /// <summary>
    /// Reads a text file given relative to the checkout ('/' separators). Refused: absolute paths, '.', '..' and empty
    /// segments, <c>.git</c>, any segment that is a symbolic link, anything whose real path leaves the checkout, files
    /// over the size limit and binary files. Invalid UTF-8 is replaced, not fatal.
    /// </summary>
    public bool TryReadText(
        string relativePath, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? problem)
    {
        text = null;
        try
        {
            problem = CheckPath(relativePath, out var file) ?? CheckContent(file!, out text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"'{relativePath}' could not be read.";
        }
        return problem is null;
    }

    /// <summary>
    /// Reads a file's bytes (an image, say) under the same path rules as <see cref="TryReadText"/>: nothing outside the
    /// checkout, no symbolic link on the way, and never more than <paramref name="maxBytes"/>.
    /// </summary>
    public bool TryReadBytes(string relativePath, long maxBytes, [NotNullWhen(true)] out byte[]? bytes,
        [NotNullWhen(false)] out string? problem)
    {
        bytes = null;
        try
        {
            problem = CheckPath(relativePath, out var file);
            if (problem is null && file!.Length > maxBytes)
            {
                problem = $"'{relativePath}' is {file.Length:N0} bytes, over the {maxBytes:N0}-byte limit.";
            }
            if (problem is null)
            {
                bytes = ReadAtMost(file!.FullName, maxBytes);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"'{relativePath}' could not be read.";
        }
        return problem is null;
    }

    private string? CheckPath(string relativePath, out FileInfo? file)
    {
        file = null;
        if (string.IsNullOrEmpty(relativePath) || relativePath.Any(char.IsControl) || relativePath.Contains('\\'))
        {
            return "The path is empty or contains a backslash or control characters.";
        }
        if (relativePath.StartsWith('/') || Path.IsPathRooted(relativePath))
        {
            return $"'{relativePath}' is absolute; paths are relative to the repository.";
        }
        var segments = relativePath.Split('/');
        if (segments.Any(s => s is "" or "." or ".."))
        {
            return $"'{relativePath}' has empty, '.' or '..' segments.";
        }
        if (segments.Any(CheckoutWalker.IsGitFolder))
        {
            return $"'{relativePath}' is inside .git.";
        }

        var current = Root;
        for (var i = 0; i < segments.Length; i++)
        {
            current = Path.Join(current, segments[i]);
            FileSystemInfo info = i < segments.Length - 1 ? new DirectoryInfo(current) : new FileInfo(current);
            if (CheckoutWalker.IsLink(info))
            {
                return $"'{relativePath}' goes through a symbolic link, which is never followed.";
            }
            if (!info.Exists)
            {
                return $"'{relativePath}' does not exist in the repository (or is not a file).";
            }
        }
        if (!RealPath.IsInside(RealPath.Resolve(current), _realRoot))
        {
            return $"'{relativePath}' is outside the repository.";
        }
        file = new FileInfo(current);
        return null;
    }

    private string? CheckContent(FileInfo file, out string? text)
    {
        text = null;
        if (file.Length > _maxReadBytes)
        {
            return $"The file is {file.Length:N0} bytes, over the {_maxReadBytes:N0}-byte limit for reading.";
        }
        var bytes = ReadAtMost(file.FullName, _maxReadBytes);
        if (bytes.AsSpan(0, Math.Min(bytes.Length, BinarySniffBytes)).Contains((byte)0))
        {
            return "The file is binary.";
        }
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        text = Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
        return null;
    }

    private static bool IsBinary(string path)
    {
        try
        {
            return ReadAtMost(path, BinarySniffBytes).Contains((byte)0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable is as good as binary: nothing to show.
            return true;
        }
    }

    // The size was checked before opening, but a file can grow; never read more than the limit.
    private static byte[] ReadAtMost(string path, long limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        var buffer = new byte[Math.Min(limit, stream.Length)];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return read == buffer.Length ? buffer : buffer[..read];
    }
}
