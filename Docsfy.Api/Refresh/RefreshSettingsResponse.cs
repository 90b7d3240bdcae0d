using System.Text.Json.Serialization;

namespace Docsfy.Api.Refresh;

/// <summary>
/// A project's refresh settings as the API shows them. <see cref="WebhookSecret"/> is present only in the answer that
/// created or rotated it; it is never shown again.
/// </summary>
/// <param name="Variants"><c>"all"</c> or the list of <c>branch/provider/model</c> that follow their branch.</param>
/// <param name="WebhookUrl">Where the project's host sends pushes; null until settings are first saved.</param>
/// <param name="MinIntervalMinutes">The shortest <c>interval_minutes</c> this server accepts (forms check it before sending).</param>
/// <param name="MaxIntervalMinutes">The longest (7 days).</param>
public sealed record RefreshSettingsResponse(
    string Project,
    string Owner,
    int? IntervalMinutes,
    bool OnPush,
    object Variants,
    string? WebhookUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WebhookSecret,
    string? SecretRotatedAt,
    string? NextCheckAt,
    string? LastCheckedAt,
    int MinIntervalMinutes,
    int MaxIntervalMinutes)
{
    public const string AllVariants = "all";
}
