using Docsfy.Cli.Output;
using Docsfy.Cli.Projects;

namespace Docsfy.Cli.Runs.Watch;

/// <summary>The words a watched run is described with, shared by the live and the plain view.</summary>
public static class RunText
{
    public static string Progress(RunState state) =>
        state.Total is { } total && state.Stage == "generating_pages"
            ? $"{Stages.Label(state.Stage)} {Math.Min(state.PageCount, total)}/{total}"
            : Stages.Label(state.Stage);

    public static string Elapsed(TimeSpan elapsed) =>
        elapsed.TotalHours >= 1 ? elapsed.ToString(@"h\:mm\:ss") : elapsed.ToString(@"mm\:ss");

    public static void WriteOutcome(Terminal terminal, RunState state, Uri? docs, TimeSpan elapsed)
    {
        switch (state.Status)
        {
            case "ready":
                terminal.Line(state.Stage == "up_to_date"
                    ? $"Ready: already up to date ({state.PageCount} pages), after {Elapsed(elapsed)}."
                    : $"Ready: {state.PageCount} pages, after {Elapsed(elapsed)}.");
                if (docs is not null)
                {
                    terminal.Line($"Docs: {docs.AbsoluteUri}");
                }
                break;
            case "aborted":
                terminal.Line($"Aborted: {state.ErrorMessage ?? "the run was aborted"}");
                break;
            default:
                terminal.Line($"Error: {state.ErrorMessage ?? "the run failed"}");
                break;
        }
    }
}
