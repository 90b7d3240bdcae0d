namespace Docsfy.Worker.Cloning;

/// <summary>One entry met while walking a checkout.</summary>
internal readonly record struct WalkEntry(FileSystemInfo Info, string RelativePath, WalkEntryKind Kind);

internal enum WalkEntryKind
{
    File,
    Directory,
    Link,

    /// <summary>A name that is not valid UTF-8: .NET cannot hand it back to the file system, so it can be neither read nor removed.</summary>
    UnreadableName,
}
