using System.Formats.Tar;
using System.IO.Compression;
using Docsfy.Cli.Connection;

namespace Docsfy.Cli.Projects;

/// <summary>
/// Unpacks a downloaded site (<c>.tar.gz</c>) into a folder. The archive comes from a server, so it is not trusted:
/// only regular files and folders are written, every path must stay inside the folder (no absolute paths, no
/// <c>..</c>), links and devices are refused, files are never overwritten, and sizes are bounded against archive bombs.
/// The folder must be new or empty, so nothing in it can be a link planted to lead a write elsewhere.
/// </summary>
public sealed class ArchiveExtractor(long maxTotalBytes = ArchiveExtractor.DefaultMaxTotalBytes, int maxEntries = ArchiveExtractor.DefaultMaxEntries)
{
    public const long DefaultMaxTotalBytes = 2L * 1024 * 1024 * 1024;
    public const int DefaultMaxEntries = 100_000;

    /// <summary>Extracts <paramref name="archive"/>; returns the number of files written.</summary>
    public async Task<int> ExtractAsync(Stream archive, string destination, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(destination);
        var created = !Directory.Exists(root);
        if (!created && Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new CliFailure(ExitCodes.Usage, $"{destination} is not empty; extract into a new or empty folder.");
        }
        Directory.CreateDirectory(root);
        try
        {
            return await ExtractIntoAsync(archive, root, cancellationToken);
        }
        catch
        {
            // Leave nothing half-extracted behind: the folder holds only what this call wrote.
            foreach (var entry in Directory.EnumerateFileSystemEntries(root))
            {
                if (Directory.Exists(entry) && !new FileInfo(entry).Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }
            }
            if (created)
            {
                Directory.Delete(root);
            }
            throw;
        }
    }

    private async Task<int> ExtractIntoAsync(Stream archive, string root, CancellationToken cancellationToken)
    {
        await using var gzip = new GZipStream(archive, CompressionMode.Decompress, leaveOpen: true);
        await using var reader = new TarReader(gzip, leaveOpen: true);
        long total = 0;
        var entries = 0;
        var files = 0;
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (++entries > maxEntries)
            {
                throw Refused($"more than {maxEntries} entries");
            }
            if (entry.EntryType is TarEntryType.GlobalExtendedAttributes or TarEntryType.ExtendedAttributes)
            {
                continue;
            }
            var target = SafePath(root, entry.Name);
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(target);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    total += entry.Length;
                    if (entry.Length < 0 || total > maxTotalBytes)
                    {
                        throw Refused($"more than {maxTotalBytes} bytes in all");
                    }
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    await WriteFileAsync(entry, target, cancellationToken);
                    files++;
                    break;
                default:
                    throw Refused($"'{entry.Name}' is a {entry.EntryType}, not a regular file or folder");
            }
        }
        return files;
    }

    private static async Task WriteFileAsync(TarEntry entry, string target, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Whatever mode the archive claims, a site's files are plain readable files, never executables or setuid.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        }
        await using var file = new FileStream(target, options);
        if (entry.DataStream is { } data)
        {
            await data.CopyToAsync(file, cancellationToken);
        }
    }

    /// <summary>The full path of an entry inside <paramref name="root"/>, or a refusal when it would land anywhere else.</summary>
    public static string SafePath(string root, string entryName)
    {
        if (string.IsNullOrEmpty(entryName) || entryName.Contains('\0') || entryName.Contains('\\')
            || entryName.StartsWith('/') || Path.IsPathRooted(entryName))
        {
            throw Refused($"the path '{entryName}' is absolute or malformed");
        }
        var segments = entryName.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || segments.Any(segment => segment is "." or ".."))
        {
            throw Refused($"the path '{entryName}' leaves the folder");
        }
        var full = Path.GetFullPath(Path.Combine(root, Path.Combine(segments)));
        var inside = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(inside, StringComparison.Ordinal))
        {
            throw Refused($"the path '{entryName}' leaves the folder");
        }
        return full;
    }

    private static CliFailure Refused(string why) => new(ExitCodes.RunFailed, $"Refused the archive: {why}.");
}
