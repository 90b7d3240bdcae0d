namespace Docsfy.Worker.Rendering;

/// <param name="Html">The page body, safe to embed as is.</param>
/// <param name="Headings">Level 2 and 3 headings in document order, for the on-page table of contents.</param>
/// <param name="Title">The text of the first level 1 heading, or null when the page has none.</param>
/// <param name="PlainText">The readable text without markup, whitespace collapsed, for search.</param>
public sealed record RenderedMarkdown(string Html, IReadOnlyList<TocHeading> Headings, string? Title, string PlainText);
