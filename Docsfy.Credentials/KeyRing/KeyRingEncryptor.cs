using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Docsfy.Credentials.KeyRing;

/// <summary>
/// Encrypts each key of the key ring (AES-256-GCM, <see cref="KeyRingKey"/>) before it is stored. The element written
/// is <c>&lt;keyRingSecret&gt;</c> holding base64 of nonce, tag and ciphertext; <see cref="KeyRingDecryptor"/> reads it.
/// </summary>
internal sealed class KeyRingEncryptor(byte[] key) : IXmlEncryptor
{
    internal const string ElementName = "keyRingSecret";
    internal const int NonceSize = 12;
    internal const int TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key, TagSize))
        {
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize));
        }
        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(ElementName,
            new XComment(" Encrypted with a key derived from DOCSFY_KEY_HASH_SECRET (docs/design/refresh.md §8). "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}
