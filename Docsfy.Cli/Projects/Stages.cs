namespace Docsfy.Cli.Projects;

/// <summary>The pipeline's stages in order, with the words the dashboard uses for them.</summary>
public static class Stages
{
    private static readonly (string Stage, string Label)[] Ordered =
    [
        ("cloning", "Cloning"),
        ("incremental_planning", "Planning changes"),
        ("planning", "Planning"),
        ("generating_pages", "Writing pages"),
        ("validating", "Validating"),
        ("cross_linking", "Cross-linking"),
        ("rendering", "Rendering"),
    ];

    public static string Label(string? stage) => stage switch
    {
        null => "Waiting for a worker",
        "up_to_date" => "Up to date",
        _ => Ordered.FirstOrDefault(s => s.Stage == stage).Label ?? stage,
    };

    /// <summary>
    /// From page writing on, the plan on record is this run's and page_count counts its pages; before, the plan is
    /// the previous run's and says nothing about this one.
    /// </summary>
    public static bool PlanIsThisRuns(string? stage) =>
        Array.FindIndex(Ordered, s => s.Stage == stage) >= Array.FindIndex(Ordered, s => s.Stage == "generating_pages");
}
