using System.Net;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Identity;

[Collection(DocsfyCollection.Name)]
public sealed class SecretHygieneTests(DocsfyAppFixture fixture)
{
    [Fact]
    public async Task No_key_session_token_or_query_token_reaches_any_services_log()
    {
        using var client = fixture.Host.Client();
        var user = await Users.CreateAsync(client, "hygiene", "user");
        var session = await client.LoginAsync(user.Username, user.ApiKey);
        var rotated = (await client.PostAsync("/api/auth/rotate-key", Credential.Session(session))).String("new_api_key");
        var mistyped = "docsfy_pasted-into-the-username-field-" + Guid.NewGuid().ToString("N");
        (await client.PostAsync("/api/auth/login", null, new { username = mistyped, api_key = rotated }))
            .AssertError(HttpStatusCode.Unauthorized);
        var queryToken = "query-token-" + Guid.NewGuid().ToString("N");
        await client.GetAsync($"/api/projects?token={queryToken}", Credential.Bearer(rotated));
        (await client.GetAsync("/api/auth/me", Credential.Bearer(rotated))).AssertStatus(HttpStatusCode.OK);

        // Give the log pipes a moment, then look at everything every resource wrote since start.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var logs = string.Join('\n', fixture.Host.Logs.Lines);
        Assert.Contains("Failed login", logs);
        foreach (var secret in new[] { DocsfyAppHost.AdminKey, user.ApiKey, rotated, session, mistyped, queryToken })
        {
            Assert.DoesNotContain(secret, logs);
        }
    }
}
