namespace Docsfy.Cli.Connection;

/// <summary>The documented exit codes: scripts and CI jobs branch on these, so they never change meaning.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int RunFailed = 1;
    public const int Usage = 2;
    public const int Auth = 3;
    public const int NotFound = 4;
    public const int Conflict = 5;
    public const int Unreachable = 6;

    /// <summary>Ctrl+C while watching: the shell's convention for SIGINT (128 + 2); the run itself goes on.</summary>
    public const int Interrupted = 130;
}
