namespace Docsfy.Worker.Cloning;

/// <summary>A top-level folder and the number of listed files under it.</summary>
public sealed record SourceFolder(string Name, int FileCount);
