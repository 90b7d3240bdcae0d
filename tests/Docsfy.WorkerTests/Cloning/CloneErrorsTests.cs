using Docsfy.Worker.Cloning;
using LibGit2Sharp;

namespace Docsfy.WorkerTests.Cloning;

/// <summary>What a failed clone tells the user, from the transport's own words.</summary>
public sealed class CloneErrorsTests
{
    private static string Described(string transportFailure) =>
        CloneErrors.Describe(new LibGit2SharpException("failed"), "main", transportFailure).Message;

    [Theory]
    [InlineData("ssh: Connection to 127.0.0.1 port 40312 timed out")]
    [InlineData("ssh: Connection to 127.0.0.1 port 34011 timed out")]
    [InlineData("ssh: connect to host 10.0.40.4 port 22: Connection timed out")]
    public void Digits_inside_a_port_or_an_address_are_not_an_http_status(string failure)
    {
        var message = Described(failure);

        Assert.Contains("timed out", message, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", message, StringComparison.Ordinal);
        Assert.DoesNotContain("not found", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unexpected http status code: 403", "The repository does not exist or is not public.")]
    [InlineData("unexpected http status code: 401", "The repository does not exist or is not public.")]
    [InlineData("remote authentication required but no callback set", "The repository does not exist or is not public.")]
    public void Refusals_say_the_repository_is_not_public(string failure, string expected) =>
        Assert.Equal(expected, Described(failure));

    [Fact]
    public void A_404_says_not_found() =>
        Assert.StartsWith("The repository was not found", Described("unexpected http status code: 404"), StringComparison.Ordinal);
}
