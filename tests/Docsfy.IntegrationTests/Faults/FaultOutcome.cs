namespace Docsfy.IntegrationTests.Faults;

/// <summary>What one scenario of a fault came to: the figures of the results table, and every broken promise by name.</summary>
/// <param name="RunsResumed">
/// Runs taken over from their checkpoint (their worker was killed under them) that still ended <c>ready</c>.
/// </param>
/// <param name="TerminalStatusesLost">(client, run) pairs where the client never learned how the run ended.</param>
/// <param name="StuckVariants">Runs still <c>generating</c> when the scenario's bound ran out.</param>
/// <param name="ResyncTimes">Per client, from the fault's injection to the first <c>sync</c> it got after it.</param>
/// <param name="Problems">Each promise the system broke, described; empty when it kept them all.</param>
public sealed record FaultOutcome(Fault Fault, int RunsStarted, int RunsReady, int RunsFailed, int RunsResumed,
    int TerminalStatusesLost, int StuckVariants, IReadOnlyList<TimeSpan> ResyncTimes, IReadOnlyList<string> Problems);
