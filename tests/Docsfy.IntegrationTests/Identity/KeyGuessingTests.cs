using System.Net;
using System.Net.WebSockets;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Identity;

/// <summary>
/// API keys presented outside the login form (Bearer on REST and <c>/docs</c>, <c>?token=</c> on <c>/api/ws</c>) are
/// audited and throttled by the login's rules: 30 failures per address and window, whatever the path.
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed class KeyGuessingTests(DocsfyAppFixture fixture)
{
    private const int PerAddress = 30;
    private const int PerPath = PerAddress / 3;

    [Fact]
    public async Task Wrong_keys_on_every_path_are_audited_and_count_toward_one_limit_per_address()
    {
        using var guesser = fixture.Host.Client();
        using var bystander = fixture.Host.Client();
        var user = await Users.CreateAsync(bystander, "guessed", "user");

        for (var attempt = 0; attempt < PerPath; attempt++)
        {
            var wrong = Credential.Bearer($"docsfy_guess-{attempt}-{Guid.NewGuid():N}");
            (await guesser.GetAsync("/api/projects", wrong)).AssertError(HttpStatusCode.Unauthorized);
            (await guesser.GetAsync("/docs/some-project/index.html", wrong)).AssertError(HttpStatusCode.Unauthorized);
            await using var socket = await HubClient.ConnectAsync(fixture.Host, token: $"docsfy_guess-{attempt}-{Guid.NewGuid():N}",
                clientAddress: guesser.Address);
            Assert.Equal(WebSocketCloseStatus.PolicyViolation, await socket.ClosedAsync(TimeSpan.FromSeconds(15)));
            Assert.Equal("Authentication failed", socket.CloseReason);
        }
        Assert.Equal(PerAddress, await VariantRows.CountAsync(fixture.Host,
            "select count(*) from auth_audit where event = 'key_failed' and remote_address = @a", ("a", guesser.Address)));

        // Over the limit, a right key is refused too (or 429 against 200 would tell the guesser it had found one) ...
        var limited = await guesser.GetAsync("/api/auth/me", user.Bearer);
        limited.AssertError(HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(limited.Header("Retry-After")!), 1, 300);
        (await guesser.PostAsync("/api/auth/login", null, new { username = user.Username, api_key = user.ApiKey }))
            .AssertError(HttpStatusCode.TooManyRequests);
        await using (var socket = await HubClient.ConnectAsync(fixture.Host, token: user.ApiKey, clientAddress: guesser.Address))
        {
            Assert.Equal(WebSocketCloseStatus.PolicyViolation, await socket.ClosedAsync(TimeSpan.FromSeconds(15)));
            Assert.StartsWith("Too many failed authentications", socket.CloseReason);
        }

        // ... and nobody else is: the same key works at once from another address, on every path.
        (await bystander.GetAsync("/api/auth/me", user.Bearer)).AssertStatus(HttpStatusCode.OK);
        await using var hub = await HubClient.ConnectSyncedAsync(fixture.Host, user.ApiKey);
        Assert.Equal(0, await VariantRows.CountAsync(fixture.Host,
            "select count(*) from auth_audit where event = 'key_failed' and remote_address = @a", ("a", bystander.Address)));
    }
}
