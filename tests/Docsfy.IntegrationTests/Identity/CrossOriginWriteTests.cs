using System.Net;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Identity;

/// <summary>
/// A page on another port of the same host gets the session cookie sent along (SameSite does not separate ports), and
/// can post an empty body without a preflight. It must not be able to act with the session.
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed class CrossOriginWriteTests(DocsfyAppFixture fixture)
{
    private const string OtherPort = "http://localhost:3000";

    [Fact]
    public async Task A_page_of_another_origin_cannot_rotate_a_key_or_end_a_session_with_the_cookie()
    {
        using var client = fixture.Host.Client();
        var user = await Users.CreateAsync(client, "csrf", "user");
        var token = await client.LoginAsync(user.Username, user.ApiKey);
        var foreign = Credential.SessionFromPage(token, OtherPort);

        (await client.PostAsync("/api/auth/rotate-key", foreign)).AssertError(HttpStatusCode.Forbidden);
        (await client.PostAsync("/api/auth/logout", foreign)).AssertError(HttpStatusCode.Forbidden);
        (await client.SendAsync(HttpMethod.Delete, "/api/projects/anything", foreign)).AssertError(HttpStatusCode.Forbidden);

        // Nothing changed: the key still works, and so does the session.
        (await client.GetAsync("/api/auth/me", user.Bearer)).AssertStatus(HttpStatusCode.OK);
        (await client.GetAsync("/api/auth/me", Credential.Session(token))).AssertStatus(HttpStatusCode.OK);
        // Reading with the cookie from such a page is not refused here (the browser keeps the answer from the page).
        (await client.GetAsync("/api/auth/me", foreign)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_apis_own_pages_and_key_holders_still_write()
    {
        using var client = fixture.Host.Client();
        var user = await Users.CreateAsync(client, "csrf-own", "user");
        var token = await client.LoginAsync(user.Username, user.ApiKey);
        var ownOrigin = fixture.Host.ApiBaseAddress.GetLeftPart(UriPartial.Authority);

        var rotated = (await client.PostAsync("/api/auth/rotate-key", Credential.SessionFromPage(token, ownOrigin)))
            .AssertStatus(HttpStatusCode.OK).String("new_api_key");

        // A key in the Authorization header is what authenticates, whatever page the request claims to come from.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/rotate-key");
        Credential.Bearer(rotated).Apply(request);
        request.Headers.Add("Origin", OtherPort);
        (await client.SendAsync(request)).AssertStatus(HttpStatusCode.OK);
    }
}
