using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Docsfy.Credentials.KeyRing;

/// <summary>
/// Opens what <see cref="KeyRingEncryptor"/> sealed. Data Protection creates it by its type name from the stored XML,
/// through the constructor taking the service provider. A key sealed under another secret fails here (its GCM tag does
/// not match): Data Protection then treats that key as unusable, and what it protected cannot be opened.
/// </summary>
internal sealed class KeyRingDecryptor : IXmlDecryptor
{
    private readonly byte[] _key;

    public KeyRingDecryptor(IServiceProvider services)
        : this(KeyRingKey.Derive(services.GetRequiredService<IOptions<KeyRingOptions>>().Value.Secret))
    {
    }

    internal KeyRingDecryptor(byte[] key) => _key = key;

    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var value = encryptedElement.Element("value")?.Value
            ?? throw new CryptographicException("The key ring element has no value.");
        var sealedBytes = Convert.FromBase64String(value);
        const int header = KeyRingEncryptor.NonceSize + KeyRingEncryptor.TagSize;
        if (sealedBytes.Length <= header)
        {
            throw new CryptographicException("The key ring element is too short.");
        }
        var plaintext = new byte[sealedBytes.Length - header];
        using (var aes = new AesGcm(_key, KeyRingEncryptor.TagSize))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, KeyRingEncryptor.NonceSize), sealedBytes.AsSpan(header),
                sealedBytes.AsSpan(KeyRingEncryptor.NonceSize, KeyRingEncryptor.TagSize), plaintext);
        }
        try
        {
            return XElement.Parse(System.Text.Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
