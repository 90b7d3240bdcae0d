using Microsoft.Extensions.Configuration;

namespace Docsfy.AppHost.Infrastructure;

/// <summary>The app host's infrastructure settings, read once from configuration (section <c>Infrastructure</c>).</summary>
/// <param name="Mode">Requested mode; <see cref="InfrastructureMode.Auto"/> when unset.</param>
/// <param name="DataDir">Explicit data folder for local mode, or null for the default.</param>
/// <param name="Ephemeral">A fresh temporary data folder per app host start (tests).</param>
public sealed record InfrastructureSettings(InfrastructureMode Mode, string? DataDir, bool Ephemeral)
{
    /// <summary>Reads <c>Infrastructure:Mode</c>, <c>Infrastructure:DataDir</c> and <c>Infrastructure:Ephemeral</c>.</summary>
    public static InfrastructureSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Infrastructure");
        var modeText = section["Mode"];
        var mode = InfrastructureMode.Auto;
        if (!string.IsNullOrWhiteSpace(modeText) && !Enum.TryParse(modeText.Trim(), ignoreCase: true, out mode))
        {
            // A typo must not silently fall back to some other mode and start the wrong servers.
            throw new InvalidOperationException(
                $"Infrastructure:Mode '{modeText}' is not valid. Use auto, containers, local or external.");
        }

        var dataDir = section["DataDir"];
        return new InfrastructureSettings(
            mode,
            string.IsNullOrWhiteSpace(dataDir) ? null : Path.GetFullPath(dataDir),
            section.GetValue("Ephemeral", defaultValue: false));
    }
}
