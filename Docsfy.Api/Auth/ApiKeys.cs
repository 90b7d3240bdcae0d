using System.Buffers.Text;
using System.Security.Cryptography;

namespace Docsfy.Api.Auth;

/// <summary>Making and checking API keys: <c>docsfy_</c> followed by 32 random bytes in base64url.</summary>
public static class ApiKeys
{
    public const string Prefix = "docsfy_";
    public const int MinCustomLength = 16;
    public const int MaxLength = 256;

    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Why a key a user chose cannot be used, or null when it can.</summary>
    public static string? ProblemWithCustomKey(string key)
    {
        if (key.Length < MinCustomLength)
        {
            return $"A custom key must be at least {MinCustomLength} characters long.";
        }
        if (key.Length > MaxLength)
        {
            return $"A custom key must be at most {MaxLength} characters long.";
        }
        // Keys travel in headers, cookies and URLs: printable ASCII without spaces survives all of them unchanged.
        if (key.Any(c => c is < '!' or > '~'))
        {
            return "A custom key may contain only printable ASCII characters without spaces.";
        }
        return null;
    }

    /// <summary>True when a presented credential is too long to be any key, so it is refused without hashing.</summary>
    public static bool IsImplausible(string presented) => presented.Length is 0 or > MaxLength;
}
