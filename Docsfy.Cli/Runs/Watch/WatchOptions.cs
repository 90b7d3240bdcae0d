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
            if (result.GetValueOrDefault<TimeSpan>() <= TimeSpan.Zero)
            {
                result.AddError("--timeout must be positive.");
            }
        });
    }
}
