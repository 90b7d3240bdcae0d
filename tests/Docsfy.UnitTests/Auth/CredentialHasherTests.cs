using Docsfy.Api.Auth;
using Microsoft.Extensions.Options;

namespace Docsfy.UnitTests.Auth;

public sealed class CredentialHasherTests
{
    private const string AdminKey = "admin-key-0123456789";
    private const string Secret = "server-secret-0123456789abcdef-0123456789";

    private static CredentialHasher Hasher(string adminKey = AdminKey, string secret = Secret) =>
        new(Options.Create(new AuthOptions { AdminKey = adminKey, KeyHashSecret = secret }));

    [Fact]
    public void Same_key_hashes_to_the_same_value_and_different_keys_do_not()
    {
        var hasher = Hasher();
        Assert.Equal(hasher.HashApiKey("docsfy_abc"), hasher.HashApiKey("docsfy_abc"));
        Assert.NotEqual(hasher.HashApiKey("docsfy_abc"), hasher.HashApiKey("docsfy_abd"));
        Assert.Equal(32, hasher.HashApiKey("docsfy_abc").Length);
    }

    [Fact]
    public void Hash_is_keyed_by_the_server_secret_not_the_admin_key()
    {
        var key = ApiKeys.Generate();
        Assert.NotEqual(Hasher(secret: Secret).HashApiKey(key), Hasher(secret: Secret + "x").HashApiKey(key));
        // Rotating the admin key leaves every user's stored hash valid.
        Assert.Equal(Hasher(adminKey: AdminKey).HashApiKey(key), Hasher(adminKey: AdminKey + "-rotated").HashApiKey(key));
    }

    [Fact]
    public void Hash_is_not_a_plain_digest_of_the_key()
    {
        var key = ApiKeys.Generate();
        var plain = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key));
        Assert.NotEqual(plain, Hasher().HashApiKey(key));
    }

    [Fact]
    public void Session_tokens_and_api_keys_hash_in_separate_domains()
    {
        var hasher = Hasher();
        Assert.NotEqual(hasher.HashApiKey("same-string-value"), hasher.HashSessionToken("same-string-value"));
    }

    [Fact]
    public void Recognises_only_the_exact_admin_key()
    {
        var hasher = Hasher();
        Assert.True(hasher.IsAdminKey(AdminKey));
        Assert.False(hasher.IsAdminKey(AdminKey + " "));
        Assert.False(hasher.IsAdminKey(AdminKey.ToUpperInvariant()));
        Assert.False(hasher.IsAdminKey(""));
    }

    [Fact]
    public void Admin_fingerprint_changes_with_the_admin_key()
    {
        Assert.NotEqual(Hasher(adminKey: AdminKey).AdminKeyFingerprint, Hasher(adminKey: AdminKey + "2").AdminKeyFingerprint);
    }
}
