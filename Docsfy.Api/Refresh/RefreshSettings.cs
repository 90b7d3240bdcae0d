namespace Docsfy.Api.Refresh;

/// <summary>A project's stored refresh settings (one row of <c>project_refresh</c>).</summary>
/// <param name="Owner">The owner as the project's variants spell it.</param>
/// <param name="SecretNonce">With the webhook id and the server secret, gives the webhook secret (<see cref="WebhookSecrets"/>).</param>
/// <param name="Variants">The variants that follow their branch as <c>branch/provider/model</c>; null for every variant.</param>
public sealed record RefreshSettings(
    long Id,
    string Project,
    string Owner,
    string WebhookId,
    byte[] SecretNonce,
    DateTime SecretRotatedAt,
    int? IntervalMinutes,
    bool OnPush,
    IReadOnlyList<string>? Variants,
    DateTime? NextCheckAt,
    DateTime? LastCheckedAt);
