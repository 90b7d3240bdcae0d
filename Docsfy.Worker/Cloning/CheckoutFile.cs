namespace Docsfy.Worker.Cloning;

/// <summary>A regular file of a checkout.</summary>
/// <param name="Path">Relative to the checkout, with '/' separators.</param>
/// <param name="Size">In bytes, also when the file is too large to read.</param>
/// <param name="IsBinary">It has a NUL byte in its first 8 KB.</param>
/// <param name="IsTooLarge">It is larger than the reader's limit, so <see cref="CheckoutFiles.ReadText"/> refuses it.</param>
public sealed record CheckoutFile(string Path, long Size, bool IsBinary, bool IsTooLarge)
{
    public bool IsReadable => !IsBinary && !IsTooLarge;
}
