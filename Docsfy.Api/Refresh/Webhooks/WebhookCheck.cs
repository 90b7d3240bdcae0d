namespace Docsfy.Api.Refresh.Webhooks;

/// <summary>What <see cref="WebhookVerifier"/> found in a delivery's headers.</summary>
/// <param name="Verified">Whether the delivery proved the secret (a signature of this body, or the token itself).</param>
/// <param name="DeliveryId">The host's id of this delivery, when it sends one (replays reuse it).</param>
/// <param name="Event">The host's event name (<c>push</c>, <c>Push Hook</c>, <c>repo:push</c>…); <c>push</c> for the generic form.</param>
public sealed record WebhookCheck(WebhookHost Host, bool Verified, string? DeliveryId, string Event);
