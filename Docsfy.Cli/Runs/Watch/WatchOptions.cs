using System.CommandLine;

namespace Docsfy.Cli.Runs.Watch;

/// <summary>The options of every command that watches a run.</summary>
public sealed class WatchOptions
{
    public Option<bool> AbortOnCancel { get; } = new("--abort-on-cancel") { Description = "On Ctrl+C, abort the run instead of only stopping to watch it" };

    public Option<TimeSpan> Timeout { get; } = new("--timeout")
    {
        Description = "Stop watching after this long (hh:mm:ss); the run goes on",
        DefaultValueFactory = _ => TimeSpan.FromHours(6),
    };

    public void AddTo(Command command)
    {
        command.Add(AbortOnCancel);
        command.Add(Timeout);
        Timeout.Validators.Add(result =>
        {
            // Read from the token: GetValueOrDefault throws (a stack trace, not exit 2) when it did not convert, which the
            // parser reports by itself.
            if (result.Tokens is [var token] && TimeSpan.TryParse(token.Value, System.Globalization.CultureInfo.InvariantCulture, out var timeout)
                && timeout <= TimeSpan.Zero)
            {
                result.AddError("--timeout must be positive.");
            }
        });
    }
}
