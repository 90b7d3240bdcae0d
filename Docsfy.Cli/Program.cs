namespace Docsfy.Cli;

/// <summary>The <c>docsfy</c> tool's entry point (a named class: test projects reference this and the API, both executables).</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => CliApplication.RunAsync(args);
}
