using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace Docsfy.Worker.Rendering;

/// <summary>
/// The one Markdown dialect of a Docsfy site, shared by rendering and cross-linking so both see the same structure.
/// Raw HTML is off: AI output is untrusted, so <c>&lt;script&gt;</c> stays text. Extensions that let Markdown set
/// HTML attributes (generic attributes, Bootstrap, media embeds) are deliberately not enabled.
/// </summary>
internal static class MarkdownPipelines
{
    /// <summary>For HTML output: GitHub-style heading ids, so <c>#installation</c> anchors work as readers expect.</summary>
    public static MarkdownPipeline Html { get; } = Dialect()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .Build();

    /// <summary>For editing Markdown in place: every node knows its exact position in the source text.</summary>
    public static MarkdownPipeline Source { get; } = Dialect()
        .UsePreciseSourceLocation()
        .Build();

    private static MarkdownPipelineBuilder Dialect() => new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseTaskLists()
        .UseAlertBlocks()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .ConfigureNewLine("\n");
}
