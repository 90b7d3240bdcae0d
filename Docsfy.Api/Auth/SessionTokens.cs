using System.Buffers.Text;
using System.Security.Cryptography;

namespace Docsfy.Api.Auth;

/// <summary>Opaque session tokens: 32 random bytes, base64url. Only their keyed hash is stored.</summary>
public static class SessionTokens
{
    private const int EncodedLength = 43;

    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static bool IsPlausible(string token) => token.Length == EncodedLength;
}
