using System.Text.Json;
using Docsfy.Cli.Output;

namespace Docsfy.Cli.Runs.Watch;

/// <summary>
/// <c>--json</c>: each hub message about the run on a line of its own, as the hub sent it (a <c>sync</c> reduced to the
/// run's record); the last line carries the terminal <c>status</c>. Connection notices go to standard error.
/// </summary>
public sealed class JsonRunView(Terminal terminal) : IRunView
{
    public Task<T> ShowAsync<T>(Func<Task<T>> watch) => watch();

    public void Message(JsonElement message) => terminal.Json(message);

    public void Update(RunState state)
    {
    }

    public void Notice(string text)
    {
        terminal.Error.WriteLine($"docsfy: {text}");
        terminal.Error.Flush();
    }

    public void Finished(RunState state, Uri? docs)
    {
    }
}
