using System.CommandLine;
using System.Text.Json;
using Docsfy.Cli.Connection;
using Docsfy.Cli.Connection.Profiles;

namespace Docsfy.Cli.Output;

/// <summary>What one command invocation works with: its parsed options, the terminal, and (on demand) the API.</summary>
public sealed class CommandContext(ParseResult parse, GlobalOptions globals, Terminal terminal, Func<string, string?> environment) : IDisposable
{
    private ApiClient? _api;

    public ParseResult Parse { get; } = parse;

    public Terminal Terminal { get; } = terminal;

    public bool Json => Parse.GetValue(globals.Json);

    public string? ProfileName => Parse.GetValue(globals.Profile);

    public Func<string, string?> Environment { get; } = environment;

    public ProfileStore Profiles { get; } = new(ConfigFolder.ProfilesPath(environment));

    /// <summary>The API of the server the environment or the profile names; fails with exit 3 when there is none.</summary>
    public ApiClient Api => _api ??= new ApiClient(new ConnectionResolver(Profiles, Environment).Resolve(ProfileName));

    /// <summary>The API's answer as one JSON line with <c>--json</c>, else the sentence that says what happened.</summary>
    public void Report(JsonElement json, string text)
    {
        if (Json)
        {
            Terminal.Json(json);
        }
        else
        {
            Terminal.Line(text);
        }
    }

    /// <summary>As above, for an answer the tool puts together itself (where the API answered 204).</summary>
    public void Report(object json, string text) => Report(JsonSerializer.SerializeToElement(json), text);

    public T Value<T>(Option<T> option) => Parse.GetValue(option)!;

    public T Value<T>(Argument<T> argument) => Parse.GetValue(argument)!;

    public void Dispose() => _api?.Dispose();
}
