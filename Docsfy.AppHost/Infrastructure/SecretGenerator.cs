using System.Security.Cryptography;

namespace Docsfy.AppHost.Infrastructure;

/// <summary>Random secrets that survive URLs, shells, connection strings and config files without escaping.</summary>
internal static class SecretGenerator
{
    /// <summary>Base64url text of <paramref name="bytes"/> random bytes (32 bytes give 43 characters).</summary>
    public static string UrlSafe(int bytes = 32) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Lower-case hex text, for values (passwords in rabbitmq.conf) where even '-' and '_' are best avoided.</summary>
    public static string Hex(int bytes = 24) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
