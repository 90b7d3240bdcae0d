namespace Docsfy.Worker.Cloning;

/// <summary>The files of a checkout, in ordinal depth-first order.</summary>
/// <param name="Files">At most the reader's file limit.</param>
/// <param name="Truncated">More files exist than were listed.</param>
/// <param name="SkippedLinks">Symbolic links met and not followed.</param>
/// <param name="SkippedNames">Entries whose names are not valid UTF-8 and so cannot be opened.</param>
public sealed record CheckoutListing(IReadOnlyList<CheckoutFile> Files, bool Truncated, int SkippedLinks, int SkippedNames);
