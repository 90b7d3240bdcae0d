namespace Docsfy.Contracts;

/// <summary>A variant's <c>status</c>: its current run's state, or how its last run ended.</summary>
public static class VariantStatus
{
    public const string Generating = "generating";
    public const string Ready = "ready";
    public const string Error = "error";
    public const string Aborted = "aborted";

    public static IReadOnlyList<string> All { get; } = [Generating, Ready, Error, Aborted];

    /// <summary>How a run can end; the only statuses a <see cref="GenerationFinished"/> carries.</summary>
    public static IReadOnlyList<string> Terminal { get; } = [Ready, Error, Aborted];
}
