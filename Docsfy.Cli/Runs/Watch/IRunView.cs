using System.Text.Json;

namespace Docsfy.Cli.Runs.Watch;

/// <summary>How a watched run is shown: live on a terminal, plain lines in a log, or JSON lines for a script.</summary>
public interface IRunView
{
    /// <summary>Runs the whole watch inside the view (a live display owns the terminal while it runs).</summary>
    Task<T> ShowAsync<T>(Func<Task<T>> watch);

    /// <summary>A hub message about the run, as it came (for <c>--json</c>).</summary>
    void Message(JsonElement message);

    void Update(RunState state);

    /// <summary>Something about the connection (lost, reconnecting); never about the run itself.</summary>
    void Notice(string text);

    void Finished(RunState state, Uri? docs);
}
