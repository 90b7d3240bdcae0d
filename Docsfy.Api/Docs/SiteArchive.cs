using System.Formats.Tar;
using System.IO.Compression;

namespace Docsfy.Api.Docs;

/// <summary>
/// Writes a site as a <c>.tar.gz</c>, entry by entry straight into the response. Entries are regular files only, under
/// one top folder, in path order, with a fixed time, owner and mode, so the same site always gives the same bytes. The
/// GNU format keeps long names without PAX headers (whose names .NET derives from the process id).
/// </summary>
public static class SiteArchive
{
    public static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const UnixFileMode FileMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <param name="forEachFile">Calls its argument once per stored file with the file's path and content.</param>
    /// <returns>The number of files written; stored paths that are not safe to extract are skipped.</returns>
    public static async Task<int> WriteAsync(Stream output, string folder,
        Func<Func<string, Stream, Task>, Task> forEachFile, CancellationToken cancellationToken)
    {
        var written = 0;
        await using var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true);
        await using (var tar = new TarWriter(gzip, TarEntryFormat.Gnu, leaveOpen: true))
        {
            await forEachFile(async (path, content) =>
            {
                if (ArchiveNames.Entry(folder, path) is not { } entryName)
                {
                    return;
                }
                // The tar header needs the size first; one file at a time is buffered, never the whole site.
                using var data = new MemoryStream();
                await content.CopyToAsync(data, cancellationToken);
                data.Position = 0;
                var entry = new GnuTarEntry(TarEntryType.RegularFile, entryName)
                {
                    DataStream = data,
                    ModificationTime = FixedTime,
                    AccessTime = FixedTime,
                    ChangeTime = FixedTime,
                    Mode = FileMode,
                    Uid = 0,
                    Gid = 0,
                    UserName = "",
                    GroupName = "",
                };
                await tar.WriteEntryAsync(entry, cancellationToken);
                written++;
            });
        }
        return written;
    }
}
