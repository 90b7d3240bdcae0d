using System.Net;
using System.Text.Json;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Identity;

/// <summary>
/// Every class of bad input gets a clear 4xx with <c>{"detail": ...}</c>, never a 500, and writes nothing.
/// </summary>
[Collection(DocsfyCollection.Name)]
public sealed class BadInputTests(DocsfyAppFixture fixture)
{
    private static readonly Credential Admin = DocsfyAppFixture.Admin;

    public static TheoryData<string, string, string, int> MalformedBodies => new()
    {
        // endpoint, method, body, expected status
        { "/api/auth/login", "POST", """{"username":"admin","api_key":""", 400 },
        { "/api/auth/login", "POST", "username=admin&api_key=x", 400 },
        { "/api/admin/users", "POST", """{"username":"x1",}""", 400 },
        { "/api/admin/users", "POST", "\u0000\u0001\u0002", 400 },
        { "/api/admin/users/someone", "PATCH", "{role:admin}", 400 },
        { "/api/admin/projects/p/access", "POST", "[", 400 },
        { "/api/auth/rotate-key", "POST", "{\"new_key\":", 400 },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_json_is_400(string path, string method, string body, int status)
    {
        using var client = fixture.Host.Client();
        var credential = path.StartsWith("/api/auth/rotate", StringComparison.Ordinal)
            ? (await Users.CreateAsync(client, "malformed", "user")).Bearer
            : Admin;
        (await client.SendRawAsync(new HttpMethod(method), path, credential, body)).AssertError((HttpStatusCode)status);
    }

    public static TheoryData<string, string> WrongShapes => new()
    {
        { "/api/auth/login", """{"username":"admin","api_key":12345678901234567}""" },
        { "/api/auth/login", """{"username":["admin"],"api_key":"x"}""" },
        { "/api/auth/login", """{"username":"admin"}""" },
        { "/api/auth/login", """{"username":"admin","api_key":"k","remember_me":true}""" },
        { "/api/auth/login", "[]" },
        { "/api/admin/users", """{"username":"shape-a","role":7}""" },
        { "/api/admin/users", """{"role":"user"}""" },
        { "/api/admin/users", """{"username":"shape-b","role":"user","is_admin":true}""" },
        { "/api/admin/users", """{"username":null,"role":"user"}""" },
        { "/api/admin/users", """{"username":"shape-c","username":"shape-d"}""" },
        { "/api/admin/projects/p/access", """{"username":"someone"}""" },
        { "/api/admin/projects/p/access", """{"username":"someone","owner":{"name":"x"}}""" },
    };

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public async Task Wrong_types_missing_and_extra_fields_are_422(string path, string body)
    {
        using var client = fixture.Host.Client();
        var before = await UserCountAsync();
        (await client.SendRawAsync(HttpMethod.Post, path, Admin, body)).AssertError(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(before, await UserCountAsync());
    }

    [Fact]
    public async Task Other_media_types_and_oversized_bodies_are_refused()
    {
        using var client = fixture.Host.Client();
        (await client.SendRawAsync(HttpMethod.Post, "/api/admin/users", Admin, """{"username":"media-x"}""", "text/plain"))
            .AssertError(HttpStatusCode.UnsupportedMediaType);
        var huge = $$"""{"username":"{{new string('a', 200_000)}}","role":"user"}""";
        (await client.SendRawAsync(HttpMethod.Post, "/api/admin/users", Admin, huge)).AssertError(HttpStatusCode.RequestEntityTooLarge);
    }

    public static TheoryData<string> BadUsernames => new()
    {
        new string('a', 51),
        "a",
        "-leading-dash",
        "has space",
        "tab\tname",
        "trailing-newline\n",
        "nul\u0000byte",
        "ａｌｉｃｅ",
        "rtl\u202Eevil",
        "emoji😀",
        "x'; drop table users;--",
        "' OR '1'='1",
        "../../etc/passwd",
    };

    [Theory]
    [MemberData(nameof(BadUsernames))]
    public async Task Overlong_oddly_encoded_and_sql_looking_usernames_are_refused_without_a_write(string username)
    {
        using var client = fixture.Host.Client();
        var before = await UserCountAsync();
        (await client.PostAsync("/api/admin/users", Admin, new { username, role = "user" })).AssertError(HttpStatusCode.BadRequest);
        Assert.Equal(before, await UserCountAsync());

        // The same strings as a login name are simply wrong credentials, and as a path segment a malformed name: 400.
        (await client.PostAsync("/api/auth/login", null, new { username, api_key = "docsfy_not-a-key-0000000000" }))
            .AssertError(HttpStatusCode.Unauthorized);
        var delete = await client.SendAsync(HttpMethod.Delete, $"/api/admin/users/{Uri.EscapeDataString(username)}", Admin);
        // Kestrel itself refuses a path with an encoded NUL before any middleware runs: a bare 400, no body to shape.
        if (username.Contains('\0'))
        {
            delete.AssertStatus(HttpStatusCode.BadRequest);
        }
        else
        {
            delete.AssertError(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task Oversized_request_heads_are_refused_in_the_error_shape()
    {
        var headers = await RawHttp.GetAsync(fixture.Host, "/api/models", $"X-Padding: {new string('a', 40_000)}");
        Assert.Equal(431, headers.Status);
        Assert.False(string.IsNullOrWhiteSpace(JsonDocument.Parse(headers.Body).RootElement.GetProperty("detail").GetString()));

        var target = await RawHttp.GetAsync(fixture.Host, "/api/models?x=" + new string('a', 9_000));
        Assert.Equal(414, target.Status);
        Assert.False(string.IsNullOrWhiteSpace(JsonDocument.Parse(target.Body).RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Overlong_and_odd_keys_are_wrong_credentials_not_errors()
    {
        using var client = fixture.Host.Client();
        string[] keys = [new string('k', 60_000), "", "docsfy_\u0000\u0001", "ключ-ключ-ключ-ключ", "' OR 1=1 --"];
        foreach (var key in keys)
        {
            (await client.PostAsync("/api/auth/login", null, new { username = "bad-key-user", api_key = key }))
                .AssertError(HttpStatusCode.Unauthorized);
        }
        foreach (var header in new[] { "Bearer " + new string('k', 5000), "Bearer", "Basic YWRtaW46YWRtaW4=", "Bearer a b c" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
            request.Headers.TryAddWithoutValidation("Authorization", header);
            request.Headers.Add(ClientAddresses.Header, ClientAddresses.Next());
            using var http = new HttpClient { BaseAddress = fixture.Host.ApiBaseAddress };
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        (await client.GetAsync("/api/auth/me", Credential.Session("not-a-real-session-token"))).AssertError(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/api/auth/me", Credential.Session(new string('s', 43)))).AssertError(HttpStatusCode.Unauthorized);

        var user = await Users.CreateAsync(client, "odd-key", "user");
        foreach (var newKey in new[] { "short", "has spaces in the key ok", new string('x', 300), "ключ-ключ-ключ-ключ", DocsfyAppHost.AdminKey })
        {
            (await client.PostAsync("/api/auth/rotate-key", user.Bearer, new { new_key = newKey })).AssertError(HttpStatusCode.BadRequest);
        }
        // None of the refused rotations changed the key.
        (await client.GetAsync("/api/auth/me", user.Bearer)).AssertStatus(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("superuser")]
    [InlineData("Admin")]
    [InlineData("")]
    [InlineData("admin ")]
    public async Task Unknown_roles_are_refused(string role)
    {
        using var client = fixture.Host.Client();
        var user = await Users.CreateAsync(client, "role", "viewer");
        var name = DocsfyAppFixture.UniqueName("role-new");
        // The form shows the message at the role field.
        Assert.Equal("role", (await client.PostAsync("/api/admin/users", Admin, new { username = name, role }))
            .AssertError(HttpStatusCode.BadRequest).Json.GetProperty("field").GetString());
        Assert.Equal("role", (await client.SendAsync(HttpMethod.Patch, $"/api/admin/users/{user.Username}", Admin, new { role }))
            .AssertError(HttpStatusCode.BadRequest).Json.GetProperty("field").GetString());
        var me = await client.GetAsync("/api/auth/me", user.Bearer);
        Assert.Equal("viewer", me.String("role"));
        Assert.Equal(0, await VariantRows.CountAsync(fixture.Host, "select count(*) from users where username = @u", ("u", name)));
    }

    [Fact]
    public async Task Admins_cannot_delete_or_demote_themselves()
    {
        using var client = fixture.Host.Client();
        var admin = await Users.CreateAsync(client, "self-admin", "admin");
        (await client.SendAsync(HttpMethod.Delete, $"/api/admin/users/{admin.Username}", admin.Bearer)).AssertError(HttpStatusCode.BadRequest);
        (await client.SendAsync(HttpMethod.Delete, $"/api/admin/users/{admin.Username.ToUpperInvariant()}", admin.Bearer))
            .AssertError(HttpStatusCode.BadRequest);
        (await client.SendAsync(HttpMethod.Patch, $"/api/admin/users/{admin.Username}", admin.Bearer, new { role = "viewer" }))
            .AssertError(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/admin/users", admin.Bearer)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Duplicate_users_are_409_regardless_of_case()
    {
        using var client = fixture.Host.Client();
        var user = await Users.CreateAsync(client, "dup", "user");
        (await client.PostAsync("/api/admin/users", Admin, new { username = user.Username, role = "viewer" })).AssertError(HttpStatusCode.Conflict);
        (await client.PostAsync("/api/admin/users", Admin, new { username = user.Username.ToUpperInvariant(), role = "user" }))
            .AssertError(HttpStatusCode.Conflict);
        // The original is untouched: same role, same key.
        var me = await client.GetAsync("/api/auth/me", user.Bearer);
        Assert.Equal("user", me.String("role"));
    }

    [Fact]
    public async Task Unknown_users_routes_and_methods_answer_in_the_error_shape()
    {
        using var client = fixture.Host.Client();
        (await client.SendAsync(HttpMethod.Delete, "/api/admin/users/no-such-user", Admin)).AssertError(HttpStatusCode.NotFound);
        (await client.SendAsync(HttpMethod.Patch, "/api/admin/users/no-such-user", Admin, new { role = "user" })).AssertError(HttpStatusCode.NotFound);
        (await client.PostAsync("/api/admin/users/no-such-user/rotate-key", Admin)).AssertError(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/no-such-route", Admin)).AssertError(HttpStatusCode.NotFound);
        (await client.SendAsync(HttpMethod.Put, "/api/auth/me", Admin)).AssertError(HttpStatusCode.MethodNotAllowed);
        (await client.GetAsync("/api/admin/users")).AssertError(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/api/projects")).AssertError(HttpStatusCode.Unauthorized);
    }

    private Task<long> UserCountAsync() => VariantRows.CountAsync(fixture.Host, "select count(*) from users");
}
