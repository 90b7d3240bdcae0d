using System.Text.Json;

namespace Docsfy.Api.Refresh;

/// <summary>
/// The body of <c>PUT /api/projects/{name}/refresh</c>: every field, each time (the settings are replaced whole).
/// </summary>
/// <param name="IntervalMinutes">null: no schedule; else minutes between head checks (from the configured minimum to 7 days).</param>
/// <param name="OnPush">Whether a verified push to a followed branch starts a run.</param>
/// <param name="Variants"><c>"all"</c>, or the variants that follow their branch as <c>["branch/provider/model", …]</c>.</param>
public sealed record RefreshSettingsRequest(int? IntervalMinutes, bool OnPush, JsonElement Variants);
