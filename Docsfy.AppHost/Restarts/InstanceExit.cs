namespace Docsfy.AppHost.Restarts;

/// <summary>
/// One instance's process ended. <see cref="Requested"/>: someone asked it to stop (the dashboard's Stop or Restart, a
/// rebuild), so it stays stopped; otherwise it is started again after <see cref="Delay"/>, restart number
/// <see cref="Attempt"/> in a row.
/// </summary>
public sealed record InstanceExit(bool Requested, int? ExitCode, TimeSpan Uptime, int Attempt, TimeSpan Delay);
