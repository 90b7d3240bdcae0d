using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Docsfy.Api.Auth;
using Docsfy.Api.Credentials;
using Docsfy.Api.Http;
using Docsfy.Credentials;

namespace Docsfy.UnitTests.Credentials;

public sealed class CredentialsValidationTests
{
    private const string Token = "github_pat_11ABCDEFG0123456789_secretpart";

    private static readonly CredentialHasher Hasher = new(Options.Create(new AuthOptions
    {
        AdminKey = "admin-key-for-credentials-validation-tests",
        KeyHashSecret = "key-hash-secret-for-credentials-validation-tests",
    }));

    [Theory]
    [InlineData("https_token", "u", "t", null, "k", "known_hosts")]
    [InlineData("https_token", "u", "t", "key", null, "private_key")]
    [InlineData("ssh_key", "u", null, "key", null, "username")]
    [InlineData("ssh_key", null, "t", "key", null, "token")]
    public void A_field_of_the_other_kind_is_named_as_the_one_at_fault(string kind, string? username, string? token,
        string? privateKey, string? knownHosts, string field)
    {
        var (_, _, error) = CredentialsValidation.Validate(new CredentialsRequest(kind, username, token, privateKey, knownHosts), Hasher.RepositoryTokenFingerprint);

        Assert.Equal(field, Body(error).Field);
    }

    [Fact]
    public void A_token_with_a_username_is_accepted_with_a_fingerprint_that_is_not_the_token()
    {
        var (credential, fingerprint, error) = CredentialsValidation.Validate(new CredentialsRequest("https_token", "x-access-token", Token), Hasher.RepositoryTokenFingerprint);

        Assert.Null(error);
        Assert.Equal(CredentialKind.HttpsToken, credential!.Kind);
        Assert.Equal(Token, credential.Secret);
        Assert.StartsWith("HMAC:", fingerprint);
        Assert.DoesNotContain(Token[^8..], fingerprint);
        Assert.Equal(fingerprint, Hasher.RepositoryTokenFingerprint(Token));
        Assert.NotEqual(fingerprint, Hasher.RepositoryTokenFingerprint(Token + "x"));
        // Keyed: another server's secret gives another fingerprint, and the token's plain SHA-256 is nowhere in it.
        var otherServer = new CredentialHasher(Options.Create(new AuthOptions { AdminKey = "a", KeyHashSecret = "another-key-hash-secret-of-32-characters" }));
        Assert.NotEqual(fingerprint, otherServer.RepositoryTokenFingerprint(Token));
        var plain = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(Token)).AsSpan(0, 16)).TrimEnd('=');
        Assert.DoesNotContain(plain, fingerprint);
    }

    [Theory]
    [InlineData("x-access-token", "tok\nen", "token")]
    [InlineData("x-access-token", "tok en", "token")]
    [InlineData("x-access-token", "", "token")]
    [InlineData("x-access-token", null, "token")]
    [InlineData("user:name", "token", "username")]
    [InlineData("user\r\nX-Injected: 1", "token", "username")]
    [InlineData("", "token", "username")]
    [InlineData(null, "token", "username")]
    public void Tokens_and_usernames_with_breaks_separators_or_nothing_are_refused(string? username, string? token, string field)
    {
        var (credential, _, error) = CredentialsValidation.Validate(new CredentialsRequest("https_token", username, token), Hasher.RepositoryTokenFingerprint);

        Assert.Null(credential);
        Assert.Equal(field, Body(error).Field);
        Assert.Equal(400, error!.StatusCode);
    }

    [Fact]
    public void An_oversized_token_is_refused_and_the_error_never_echoes_a_secret()
    {
        var huge = "s3cr3t" + new string('a', CredentialsValidation.MaxTokenLength);
        var (_, _, error) = CredentialsValidation.Validate(new CredentialsRequest("https_token", "u", huge), Hasher.RepositoryTokenFingerprint);
        var (_, _, broken) = CredentialsValidation.Validate(new CredentialsRequest("https_token", "u", "s3cr3t\nvalue"), Hasher.RepositoryTokenFingerprint);

        Assert.DoesNotContain("s3cr3t", Body(error).Detail);
        Assert.DoesNotContain("s3cr3t", Body(broken).Detail);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("")]
    [InlineData("HTTPS_TOKEN")]
    public void Unknown_kinds_are_refused(string kind)
    {
        var (_, _, error) = CredentialsValidation.Validate(new CredentialsRequest(kind, "u", "t"), Hasher.RepositoryTokenFingerprint);

        Assert.Equal("kind", Body(error).Field);
    }

    [Fact]
    public void Fields_of_the_other_kind_are_refused()
    {
        var (_, _, tokenWithKey) = CredentialsValidation.Validate(new CredentialsRequest("https_token", "u", "t", PrivateKey: "k"), Hasher.RepositoryTokenFingerprint);
        var (_, _, keyWithToken) = CredentialsValidation.Validate(new CredentialsRequest("ssh_key", Token: "t", PrivateKey: "k"), Hasher.RepositoryTokenFingerprint);

        Assert.NotNull(tokenWithKey);
        Assert.NotNull(keyWithToken);
    }

    [Fact]
    public void A_generated_ed25519_key_is_accepted_with_the_fingerprint_ssh_keygen_prints()
    {
        using var keys = new GeneratedKey("");

        var (credential, fingerprint, error) = CredentialsValidation.Validate(new CredentialsRequest("ssh_key", PrivateKey: keys.PrivateKey), Hasher.RepositoryTokenFingerprint);

        Assert.Null(error);
        Assert.Equal(CredentialKind.SshKey, credential!.Kind);
        Assert.EndsWith("\n", credential.Secret);
        Assert.Null(credential.KnownHosts);
        Assert.Equal(keys.Fingerprint, fingerprint);
    }

    [Fact]
    public void A_key_with_a_passphrase_is_refused_the_worker_could_not_open_it()
    {
        using var keys = new GeneratedKey("a passphrase");

        var (_, _, error) = CredentialsValidation.Validate(new CredentialsRequest("ssh_key", PrivateKey: keys.PrivateKey), Hasher.RepositoryTokenFingerprint);

        Assert.Contains("passphrase", Body(error).Detail);
    }

    [Theory]
    [InlineData("not a key")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----")]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----\n!!!!\n-----END OPENSSH PRIVATE KEY-----")]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ==\n-----END OPENSSH PRIVATE KEY-----")]
    public void Things_that_are_not_whole_openssh_keys_are_refused(string privateKey)
    {
        var (_, _, error) = CredentialsValidation.Validate(new CredentialsRequest("ssh_key", PrivateKey: privateKey), Hasher.RepositoryTokenFingerprint);

        Assert.Equal("private_key", Body(error).Field);
    }

    [Fact]
    public void A_truncated_generated_key_is_refused()
    {
        using var keys = new GeneratedKey("");
        var lines = keys.PrivateKey.Trim().Split('\n');
        var truncated = string.Join('\n', [lines[0], .. lines[1..^2], lines[^1]]);

        var (_, _, error) = CredentialsValidation.Validate(new CredentialsRequest("ssh_key", PrivateKey: truncated), Hasher.RepositoryTokenFingerprint);

        Assert.Equal("private_key", Body(error).Field);
    }

    [Theory]
    [InlineData("github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl", null)]
    [InlineData("# comment\n[git.example.com]:2222,10.0.0.1 ecdsa-sha2-nistp256 AAAAE2VjZHNh\n@cert-authority *.example.com ssh-rsa AAAAB3Nz comment", null)]
    [InlineData("github.com ssh-ed25519", "known_hosts")]
    [InlineData("github.com ssh-ed25519 not*base64", "known_hosts")]
    [InlineData("# only a comment", "known_hosts")]
    [InlineData("github.com ssh-ed25519 AAAA\u0007", "known_hosts")]
    public void Known_hosts_lines_must_read_as_ssh_reads_them(string knownHosts, string? field)
    {
        using var keys = new GeneratedKey("");

        var (_, _, error) = CredentialsValidation.Validate(new CredentialsRequest("ssh_key", PrivateKey: keys.PrivateKey, KnownHosts: knownHosts), Hasher.RepositoryTokenFingerprint);

        Assert.Equal(field, error is null ? null : Body(error).Field);
    }

    private static ApiError Body(JsonHttpResult<ApiError>? error) => Assert.IsType<ApiError>(error?.Value);

    /// <summary>A key pair from <c>ssh-keygen</c> itself, and its fingerprint as <c>ssh-keygen -l</c> prints it.</summary>
    private sealed class GeneratedKey : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "docsfy-key-" + Guid.NewGuid().ToString("N"));

        public GeneratedKey(string passphrase)
        {
            Directory.CreateDirectory(_folder);
            var file = Path.Combine(_folder, "id");
            Run("ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", "test", "-f", file);
            PrivateKey = File.ReadAllText(file);
            Fingerprint = Run("ssh-keygen", "-l", "-E", "sha256", "-f", file + ".pub").Split(' ')[1];
        }

        public string PrivateKey { get; }

        public string Fingerprint { get; }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private static string Run(string program, params string[] arguments)
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "ssh-keygen did not finish");
            Assert.Equal(0, process.ExitCode);
            return output.Result;
        }
    }
}
