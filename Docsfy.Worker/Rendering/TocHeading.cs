namespace Docsfy.Worker.Rendering;

/// <summary>A heading in a page's on-page table of contents; <see cref="Text"/> is plain text, not yet HTML-escaped.</summary>
public sealed record TocHeading(int Level, string Id, string Text);
