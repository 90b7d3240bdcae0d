namespace Docsfy.Worker.Ai.Cli;

/// <summary>Drains a child's output pipe so the child never blocks on a full pipe, keeping a bounded amount of it.</summary>
internal static class BoundedStreamReader
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Reads to the end; returns null as soon as more than <paramref name="limit"/> bytes arrive.</summary>
    public static async Task<byte[]?> ReadAllAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkSize];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Reads to the end, keeping only the last <paramref name="limit"/> bytes (the end of an error log says most).</summary>
    public static async Task<byte[]> ReadTailAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[ChunkSize];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > 2L * limit + ChunkSize)
                buffer = KeepTail(buffer, limit);
        }
        return KeepTail(buffer, limit).ToArray();
    }

    private static MemoryStream KeepTail(MemoryStream buffer, int limit)
    {
        if (buffer.Length <= limit)
            return buffer;
        var tail = new MemoryStream();
        tail.Write(buffer.GetBuffer(), (int)(buffer.Length - limit), limit);
        return tail;
    }
}
