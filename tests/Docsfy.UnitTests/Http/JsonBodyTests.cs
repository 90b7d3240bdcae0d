using System.Text;
using Docsfy.Api.Http;
using Docsfy.Api.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Docsfy.UnitTests.Http;

public sealed class JsonBodyTests
{
    private static readonly JsonBody Reader = new(Options.Create(new JsonOptions
    {
        SerializerOptions = { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower },
    }));

    private static Task<BodyResult<CreateUserRequest>> ReadAsync(string body, string contentType = "application/json") =>
        ReadAsync<CreateUserRequest>(body, contentType);

    private static async Task<BodyResult<T>> ReadAsync<T>(string body, string contentType = "application/json") where T : class
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return await Reader.ReadAsync<T>(context.Request, CancellationToken.None);
    }

    private static (int Status, string Detail) ErrorOf(BodyResult<CreateUserRequest> result)
    {
        Assert.Null(result.Value);
        Assert.NotNull(result.Error);
        return (result.Error!.StatusCode!.Value, result.Error.Value!.Detail);
    }

    [Fact]
    public async Task Reads_a_valid_body_with_defaults()
    {
        var result = await ReadAsync("""{"username":"alice"}""");
        Assert.Equal(new CreateUserRequest("alice", "user"), result.Value);
    }

    [Theory]
    [InlineData("""{"username":"alice",""", 400)]
    [InlineData("not json", 400)]
    [InlineData("", 400)]
    [InlineData("[1,2]", 422)]
    [InlineData("\"alice\"", 422)]
    [InlineData("""{"role":"user"}""", 422)]
    [InlineData("""{"username":42}""", 422)]
    [InlineData("""{"username":["a"]}""", 422)]
    [InlineData("""{"username":null}""", 422)]
    [InlineData("""{"username":"alice","is_admin":true}""", 422)]
    [InlineData("""{"username":"alice","username":"bob"}""", 422)]
    public async Task Refuses_bad_bodies_with_the_right_status(string body, int status)
    {
        var (actual, detail) = ErrorOf(await ReadAsync(body));
        Assert.Equal(status, actual);
        Assert.False(string.IsNullOrWhiteSpace(detail));
    }

    [Theory]
    [InlineData("""{"role":"user"}""", "Missing required field(s): 'username'.", "username")]
    [InlineData("""{"username":42}""", "Field 'username' must be a string.", "username")]
    [InlineData("""{"username":["a"]}""", "Field 'username' must be a string.", "username")]
    [InlineData("""{"username":{"nested":true}}""", "Field 'username' must be a string.", "username")]
    [InlineData("""{"username":null}""", "Field 'username' must not be null.", "username")]
    [InlineData("""{"username":"alice","role":null}""", "Field 'role' must not be null.", "role")]
    [InlineData("""{"username":"alice","username":"bob"}""", "Field 'username' appears more than once.", "username")]
    [InlineData("""{"username":"alice","USERNAME":"bob"}""", "Field 'username' appears more than once.", "username")]
    [InlineData("""{"username":"alice","is_admin":true}""", "Unknown field 'is_admin'.", null)]
    [InlineData("""{"username":"alice","odd name.with[marks]":{"x":[1]}}""", "Unknown field 'odd name.with[marks]'.", null)]
    public async Task Explains_which_rule_a_body_broke_and_at_which_field(string body, string detail, string? field)
    {
        var result = await ReadAsync(body);
        Assert.Equal(422, result.Error!.StatusCode);
        Assert.Equal(detail, result.Error.Value!.Detail);
        Assert.Equal(field, result.Error.Value.Field);
    }

    [Fact]
    public async Task Names_every_missing_field_of_a_body_that_lacks_several()
    {
        var result = await ReadAsync<Docsfy.Api.Access.GrantRequest>("{}");
        Assert.Equal(422, result.Error!.StatusCode);
        Assert.Equal("Missing required field(s): 'username', 'owner'.", result.Error.Value!.Detail);
    }

    [Fact]
    public async Task A_long_unknown_name_is_quoted_short()
    {
        var name = new string('k', 5000);
        var (_, detail) = ErrorOf(await ReadAsync($$"""{"username":"alice","{{name}}":1}"""));
        Assert.True(detail.Length < 100, detail);
        Assert.StartsWith("Unknown field 'kkkk", detail);
    }

    [Theory]
    [InlineData("""{"repo_url":"https://example.com/a.git","force":"yes"}""", "Field 'force' must be true or false.", "force")]
    [InlineData("""{"repo_url":"https://example.com/a.git","ai_cli_timeout":"5"}""", "Field 'ai_cli_timeout' must be a whole number.", "ai_cli_timeout")]
    [InlineData("""{"repo_url":"https://example.com/a.git","ai_cli_timeout":1.5}""", "Field 'ai_cli_timeout' must be a whole number.", "ai_cli_timeout")]
    public async Task Names_the_type_a_field_must_have(string body, string detail, string field)
    {
        var result = await ReadAsync<Docsfy.Api.Generation.GenerateRequest>(body);
        Assert.Equal(422, result.Error!.StatusCode);
        Assert.Equal(detail, result.Error.Value!.Detail);
        Assert.Equal(field, result.Error.Value.Field);
    }

    [Fact]
    public async Task Refuses_other_media_types() =>
        Assert.Equal(415, ErrorOf(await ReadAsync("""{"username":"alice"}""", "text/plain")).Status);

    [Fact]
    public async Task Refuses_bodies_over_the_limit()
    {
        var huge = $$"""{"username":"{{new string('a', JsonBody.MaxBytes)}}"}""";
        Assert.Equal(413, ErrorOf(await ReadAsync(huge)).Status);
    }

    [Fact]
    public async Task Refuses_deeply_nested_bodies_as_malformed()
    {
        var deep = "{\"username\":" + new string('[', 100) + new string(']', 100) + "}";
        Assert.Equal(400, ErrorOf(await ReadAsync(deep)).Status);
    }

    [Fact]
    public async Task Error_messages_never_echo_field_values()
    {
        var (_, detail) = ErrorOf(await ReadAsync("""{"username":"alice","api_key":"docsfy_supersecretvalue"}"""));
        Assert.DoesNotContain("supersecret", detail);
        Assert.Contains("api_key", detail);
    }
}
