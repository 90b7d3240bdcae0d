using System.Security.Cryptography;
using System.Xml.Linq;
using Docsfy.Credentials.KeyRing;

namespace Docsfy.UnitTests.Credentials;

/// <summary>The key ring's keys at rest: sealed with a key derived from DOCSFY_KEY_HASH_SECRET, opened only with it.</summary>
public sealed class KeyRingTests
{
    private const string Secret = "a-key-hash-secret-of-at-least-32-characters";

    private static readonly XElement Key = new("key", new XAttribute("id", "5f0c"),
        new XElement("masterKey", "c2VjcmV0LW1hc3Rlci1rZXktbWF0ZXJpYWw="));

    [Fact]
    public void A_sealed_key_opens_with_the_same_secret_and_shows_nothing_of_it_stored()
    {
        var sealedKey = new KeyRingEncryptor(KeyRingKey.Derive(Secret)).Encrypt(Key);

        Assert.Equal(typeof(KeyRingDecryptor), sealedKey.DecryptorType);
        Assert.DoesNotContain("c2VjcmV0LW1hc3Rlci1rZXktbWF0ZXJpYWw=", sealedKey.EncryptedElement.ToString());
        var opened = new KeyRingDecryptor(KeyRingKey.Derive(Secret)).Decrypt(sealedKey.EncryptedElement);
        Assert.True(XNode.DeepEquals(Key, opened));
    }

    [Fact]
    public void Another_secret_cannot_open_it()
    {
        var sealedKey = new KeyRingEncryptor(KeyRingKey.Derive(Secret)).Encrypt(Key);

        Assert.ThrowsAny<CryptographicException>(() =>
            new KeyRingDecryptor(KeyRingKey.Derive(Secret + "-rotated")).Decrypt(sealedKey.EncryptedElement));
    }

    [Fact]
    public void A_tampered_element_is_refused()
    {
        var sealedKey = new KeyRingEncryptor(KeyRingKey.Derive(Secret)).Encrypt(Key).EncryptedElement;
        var bytes = Convert.FromBase64String(sealedKey.Element("value")!.Value);
        bytes[^1] ^= 1;
        sealedKey.Element("value")!.Value = Convert.ToBase64String(bytes);

        Assert.ThrowsAny<CryptographicException>(() => new KeyRingDecryptor(KeyRingKey.Derive(Secret)).Decrypt(sealedKey));
        Assert.ThrowsAny<CryptographicException>(() => new KeyRingDecryptor(KeyRingKey.Derive(Secret)).Decrypt(new XElement("keyRingSecret")));
    }

    [Fact]
    public void Each_sealing_uses_a_fresh_nonce()
    {
        var encryptor = new KeyRingEncryptor(KeyRingKey.Derive(Secret));

        Assert.NotEqual(encryptor.Encrypt(Key).EncryptedElement.ToString(), encryptor.Encrypt(Key).EncryptedElement.ToString());
    }
}
