using System.Security.Cryptography;
using System.Text;

namespace Docsfy.Credentials.KeyRing;

/// <summary>
/// The AES-256 key that encrypts the key ring's keys at rest, derived (HKDF-SHA256) from <c>DOCSFY_KEY_HASH_SECRET</c>.
/// Every API replica and the worker are given that secret, and the database never holds it: a dump of the database
/// alone opens neither the key ring nor, through it, any credential (docs/design/refresh.md §8).
/// </summary>
internal static class KeyRingKey
{
    // Its own label: the same secret also keys API-key hashes and webhook secrets, and each use must stay independent.
    private static readonly byte[] Info = Encoding.UTF8.GetBytes("docsfy/data-protection/key-ring/v1");

    public static byte[] Derive(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, salt: [], info: Info);
    }
}
