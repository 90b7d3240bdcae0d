using System.Diagnostics;
using System.Text.Json;
using Docsfy.Cli.Output;
using Docsfy.Cli.Projects;

namespace Docsfy.Cli.Runs.Watch;

/// <summary>One line per stage and per page written, with the time since watching began: readable in a CI log.</summary>
public sealed class PlainRunView(Terminal terminal) : IRunView
{
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private string? _last;

    public Task<T> ShowAsync<T>(Func<Task<T>> watch) => watch();

    public void Message(JsonElement message)
    {
    }

    public void Update(RunState state)
    {
        if (state.IsTerminal)
        {
            return;
        }
        var line = RunText.Progress(state);
        if (line != _last)
        {
            _last = line;
            terminal.Line($"[{RunText.Elapsed(_elapsed.Elapsed)}] {line}");
        }
    }

    public void Notice(string text) => terminal.Line($"[{RunText.Elapsed(_elapsed.Elapsed)}] {text}");

    public void Finished(RunState state, Uri? docs) => RunText.WriteOutcome(terminal, state, docs, _elapsed.Elapsed);
}
