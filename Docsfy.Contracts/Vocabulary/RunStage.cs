namespace Docsfy.Contracts;

/// <summary>
/// The <c>current_stage</c> values of a run, in pipeline order, as workers report them and clients receive them. One
/// list for the worker, the API and the dashboard (which reads it from <c>GET /api/vocabulary</c>).
/// </summary>
public static class RunStage
{
    public const string Cloning = "cloning";
    public const string Planning = "planning";
    public const string IncrementalPlanning = "incremental_planning";
    public const string GeneratingPages = "generating_pages";
    public const string Validating = "validating";
    public const string CrossLinking = "cross_linking";
    public const string Rendering = "rendering";

    /// <summary>Not reported by a worker: the API sets it on a ready run that found its commit already documented.</summary>
    public const string UpToDate = "up_to_date";

    /// <summary>What a worker reports, in order. <see cref="IncrementalPlanning"/> takes the place of <see cref="Planning"/>.</summary>
    public static IReadOnlyList<string> Pipeline { get; } =
        [Cloning, Planning, IncrementalPlanning, GeneratingPages, Validating, CrossLinking, Rendering];

    public const int MaxLength = 64;

    /// <summary>
    /// Whether <paramref name="stage"/> could be a stage name: lower-case letters, digits and underscores, starting with a
    /// letter. A newer worker may report a stage this API does not know yet; such a stage is stored and shown by its name
    /// (never dropped), so only malformed names are refused.
    /// </summary>
    public static bool IsWellFormed(string? stage) =>
        stage is { Length: > 0 and <= MaxLength } && char.IsAsciiLetterLower(stage[0])
        && stage.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    public static bool IsKnown(string stage) => Pipeline.Contains(stage) || stage == UpToDate;
}
