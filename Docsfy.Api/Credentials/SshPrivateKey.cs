using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Docsfy.Api.Credentials;

/// <summary>
/// Reads an unencrypted private key in OpenSSH's format (what <c>ssh-keygen</c> writes), far enough to know it is one
/// and to give its public key's fingerprint. A key with a passphrase is refused: ssh runs without a prompt
/// (<c>BatchMode</c>) and could never open it.
/// </summary>
internal static class SshPrivateKey
{
    private const string Begin = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private const string End = "-----END OPENSSH PRIVATE KEY-----";
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("openssh-key-v1\0");
    private static readonly string[] KeyTypes =
    [
        "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
        "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
    ];

    /// <summary>The key's fingerprint (<c>SHA256:…</c>), or why it is not a usable key (words that quote none of it).</summary>
    public static (string? Fingerprint, string? Problem) Read(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Trim().Split('\n');
        if (lines.Length < 3 || lines[0].Trim() != Begin || lines[^1].Trim() != End)
        {
            return (null, $"private_key must be an OpenSSH private key ('{Begin}' … '{End}'); convert an older PEM key with 'ssh-keygen -p -f <file>'.");
        }
        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(string.Concat(lines[1..^1].Select(line => line.Trim())));
        }
        catch (FormatException)
        {
            return (null, "private_key is not valid base64 between its BEGIN and END lines.");
        }
        try
        {
            return Parse(blob);
        }
        catch (ArgumentOutOfRangeException)
        {
            return (null, "private_key is truncated or malformed.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(blob);
        }
    }

    private static (string? Fingerprint, string? Problem) Parse(byte[] blob)
    {
        var reader = new Reader(blob);
        if (!reader.Take(Magic.Length).SequenceEqual(Magic))
        {
            return (null, "private_key is not an openssh-key-v1 key.");
        }
        var cipher = Encoding.ASCII.GetString(reader.String());
        var kdf = Encoding.ASCII.GetString(reader.String());
        reader.String(); // KDF options
        if (cipher != "none" || kdf != "none")
        {
            return (null, "private_key is protected by a passphrase; the worker cannot prompt for it: give a key without one (a deploy key).");
        }
        if (reader.UInt32() != 1)
        {
            return (null, "private_key must hold exactly one key.");
        }
        var publicKey = reader.String().ToArray();
        var type = Encoding.ASCII.GetString(new Reader(publicKey).String());
        if (!KeyTypes.Contains(type, StringComparer.Ordinal))
        {
            return (null, "private_key is of a key type ssh does not support.");
        }
        var section = new Reader(reader.String().ToArray());
        // Two equal check words open the private section of an unencrypted key: a quick sign it is whole.
        if (section.UInt32() != section.UInt32() || Encoding.ASCII.GetString(section.String()) != type)
        {
            return (null, "private_key is truncated or malformed.");
        }
        return ("SHA256:" + Convert.ToBase64String(SHA256.HashData(publicKey)).TrimEnd('='), null);
    }

    /// <summary>The SSH wire encoding's reader: big-endian lengths; out-of-range reads throw.</summary>
    private sealed class Reader(byte[] data)
    {
        private int _position;

        public ReadOnlySpan<byte> Take(int count)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(count, data.Length - _position);
            var span = data.AsSpan(_position, count);
            _position += count;
            return span;
        }

        public uint UInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

        public ReadOnlySpan<byte> String()
        {
            var length = UInt32();
            ArgumentOutOfRangeException.ThrowIfGreaterThan(length, (uint)(data.Length - _position));
            return Take((int)length);
        }
    }
}
