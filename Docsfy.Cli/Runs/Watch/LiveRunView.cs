using System.Diagnostics;
using System.Text.Json;
using Docsfy.Cli.Output;
using Docsfy.Cli.Projects;
using Spectre.Console;

namespace Docsfy.Cli.Runs.Watch;

/// <summary>On a terminal: one live line with the stage, a bar of pages written of the plan's total and the elapsed time.</summary>
public sealed class LiveRunView(Terminal terminal, string title) : IRunView
{
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private ProgressTask? _task;

    public Task<T> ShowAsync<T>(Func<Task<T>> watch) =>
        terminal.Out.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                _task = context.AddTask(Markup.Escape(title), new ProgressTaskSettings { AutoStart = true, MaxValue = 1 });
                _task.IsIndeterminate = true;
                return await watch();
            });

    public void Message(JsonElement message)
    {
    }

    public void Update(RunState state)
    {
        if (_task is null)
        {
            return;
        }
        _task.Description = Markup.Escape($"{title}: {RunText.Progress(state)}");
        if (state.Total is { } total && total > 0)
        {
            _task.IsIndeterminate = false;
            _task.MaxValue = total;
            _task.Value = Math.Min(state.PageCount, total);
        }
        else
        {
            _task.IsIndeterminate = true;
        }
        if (state.IsTerminal)
        {
            _task.Value = _task.MaxValue;
            _task.StopTask();
        }
    }

    public void Notice(string text)
    {
        if (_task is not null)
        {
            _task.Description = Markup.Escape($"{title}: {text}");
        }
    }

    public void Finished(RunState state, Uri? docs) => RunText.WriteOutcome(terminal, state, docs, _elapsed.Elapsed);
}
