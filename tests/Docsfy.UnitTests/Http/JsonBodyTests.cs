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

    private static async Task<BodyResult<CreateUserRequest>> ReadAsync(string body, string contentType = "application/json")
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return await Reader.ReadAsync<CreateUserRequest>(context.Request, CancellationToken.None);
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
