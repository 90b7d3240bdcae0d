using System.Net;
using Docsfy.Cli;
using Docsfy.Cli.Connection;

namespace Docsfy.UnitTests.Cli;

public sealed class ExitCodeTests
{
    [Theory]
    [InlineData(HttpStatusCode.BadRequest, ExitCodes.Usage)]
    [InlineData(HttpStatusCode.UnprocessableEntity, ExitCodes.Usage)]
    [InlineData(HttpStatusCode.Unauthorized, ExitCodes.Auth)]
    [InlineData(HttpStatusCode.Forbidden, ExitCodes.Auth)]
    [InlineData(HttpStatusCode.TooManyRequests, ExitCodes.Auth)]
    [InlineData(HttpStatusCode.NotFound, ExitCodes.NotFound)]
    [InlineData(HttpStatusCode.Conflict, ExitCodes.Conflict)]
    [InlineData(HttpStatusCode.ServiceUnavailable, ExitCodes.Unreachable)]
    [InlineData(HttpStatusCode.BadGateway, ExitCodes.Unreachable)]
    [InlineData(HttpStatusCode.InternalServerError, ExitCodes.RunFailed)]
    public void Each_API_error_status_has_its_documented_exit_code(HttpStatusCode status, int exitCode) =>
        Assert.Equal(exitCode, HttpStatusExitCodes.For(status));

    [Fact]
    public void The_servers_detail_is_taken_verbatim_and_anything_else_is_not_guessed_at()
    {
        Assert.Equal("Invalid API key <b>", ApiErrors.Detail("""{"detail":"Invalid API key <b>"}"""u8.ToArray()));
        Assert.Null(ApiErrors.Detail("<html>bad gateway</html>"u8.ToArray()));
        Assert.Null(ApiErrors.Detail("""{"detail":42}"""u8.ToArray()));
    }

    [Theory]
    [InlineData("generate")]
    [InlineData("generate", "https://example.com/r", "--path", "/srv/r")]
    [InlineData("no-such-command")]
    [InlineData("users", "role", "alice", "overlord")]
    [InlineData("watch", "p", "--timeout", "-00:01:00")]
    [InlineData("watch", "p", "--timeout", "soon")]
    public async Task A_command_line_that_does_not_parse_is_exit_2(params string[] args)
    {
        var errors = new StringWriter();
        Assert.Equal(ExitCodes.Usage, await CliApplication.RunAsync(args, TextWriter.Null, errors));
        Assert.NotEmpty(errors.ToString());
    }

    [Fact]
    public void Network_failures_are_one_line_exit_6_naming_the_server_and_never_the_query()
    {
        var server = new Uri("https://docs.example:8443/");
        var tls = NetworkFailures.From(new HttpRequestException("The SSL connection could not be established",
            new System.Security.Authentication.AuthenticationException("The remote certificate is invalid: UntrustedRoot")), server, TimeSpan.FromSeconds(60));
        Assert.Equal(ExitCodes.Unreachable, tls.ExitCode);
        Assert.Equal("TLS problem with https://docs.example:8443: The remote certificate is invalid: UntrustedRoot", tls.Message);

        var refused = NetworkFailures.From(new HttpRequestException(HttpRequestError.ConnectionError, "x",
            new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused)), server, TimeSpan.FromSeconds(60));
        Assert.StartsWith("Cannot reach the server at https://docs.example:8443: ", refused.Message, StringComparison.Ordinal);

        var slow = NetworkFailures.From(new TaskCanceledException(), server, TimeSpan.FromSeconds(60));
        Assert.Equal("The server at https://docs.example:8443 did not answer within 60 s.", slow.Message);
        Assert.DoesNotContain('\n', tls.Message + refused.Message + slow.Message);
    }
}
