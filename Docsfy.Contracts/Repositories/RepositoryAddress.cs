using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Docsfy.Contracts.Repositories;

/// <summary>
/// A repository URL that passed the address rules, and the parts of it Docsfy uses.
/// <para>
/// Accepted: <c>https://</c>, <c>http://</c>, <c>ssh://</c> and scp-like <c>git@host:owner/repo(.git)</c>. Refused: other
/// schemes (<c>file:</c>, <c>ext::</c>, <c>git://</c>...), credentials (any user other than <c>git</c> for ssh), query
/// strings and fragments, control characters, spaces and non-ASCII characters (which different URL parsers read
/// differently), URLs over <see cref="MaxLength"/> characters, <c>localhost</c> names and IP literals outside the public
/// internet. <c>git://</c> is unencrypted and unauthenticated, so it is accepted only for loopback hosts when loopback is
/// allowed: that is how tests clone from a local <c>git daemon</c>. Host names are checked again after DNS resolution
/// (<see cref="HostSafety"/>), at submission and at clone time.
/// </para>
/// </summary>
/// <param name="Url">The URL to clone, as given (trimmed).</param>
/// <param name="Scheme"><c>https</c>, <c>http</c>, <c>ssh</c> (also for the scp-like form) or <c>git</c>.</param>
/// <param name="Host">The host, lower case, IPv6 without brackets.</param>
/// <param name="Port">The explicit port, if any.</param>
/// <param name="Path">The repository path on the host.</param>
/// <param name="Name">The repository name: the last path segment without <c>.git</c>.</param>
public sealed partial record RepositoryAddress(string Url, string Scheme, string Host, int? Port, string Path, string Name)
{
    public const int MaxLength = 2048;

    private const string Forms = "use https://host/owner/repo, ssh://git@host/owner/repo or git@host:owner/repo";

    /// <summary>Parses with loopback hosts refused (the production setting).</summary>
    public static bool TryParse(
        string? url, [NotNullWhen(true)] out RepositoryAddress? address, [NotNullWhen(false)] out string? problem) =>
        TryParse(url, allowLoopback: false, out address, out problem);

    /// <summary>Parses <paramref name="url"/>; on refusal <paramref name="problem"/> says why, in words users can act on.</summary>
    public static bool TryParse(
        string? url,
        bool allowLoopback,
        [NotNullWhen(true)] out RepositoryAddress? address,
        [NotNullWhen(false)] out string? problem)
    {
        address = null;
        problem = Parse(url?.Trim(), allowLoopback, out var parsed);
        address = parsed;
        return problem is null;
    }

    private static string? Parse(string? url, bool allowLoopback, out RepositoryAddress? address)
    {
        address = null;
        if (string.IsNullOrEmpty(url))
        {
            return "A repository URL is required.";
        }
        if (url.Length > MaxLength)
        {
            return $"The repository URL is longer than {MaxLength} characters.";
        }
        if (url.Any(c => c <= ' ' || c == '\x7f'))
        {
            return "The repository URL contains spaces or control characters.";
        }
        if (url.Any(c => c > '\x7f'))
        {
            return "The repository URL contains non-ASCII characters: percent-encode them, or give the host in xn-- form.";
        }
        if (url.Contains('\\'))
        {
            return "The repository URL contains a backslash.";
        }

        var parts = url.Contains("://", StringComparison.Ordinal) ? SplitUrl(url, out var problem) : SplitScp(url, out problem);
        if (parts is null)
        {
            return problem;
        }
        var (scheme, host, port, path) = parts.Value;
        if ((problem = CheckHost(scheme, host, allowLoopback)) is not null
            || (problem = NameFrom(path, out var name)) is not null)
        {
            return problem;
        }
        address = new RepositoryAddress(url, scheme, host, port, path, name!);
        return null;
    }

    private static (string Scheme, string Host, int? Port, string Path)? SplitUrl(string url, out string? problem)
    {
        var separator = url.IndexOf("://", StringComparison.Ordinal);
        var scheme = url[..separator].ToLowerInvariant();
        if (scheme is not ("https" or "http" or "ssh" or "git"))
        {
            problem = $"The scheme '{scheme}:' is not accepted: {Forms}.";
            return null;
        }
        var rest = url[(separator + 3)..];
        if (rest.IndexOfAny(['?', '#']) >= 0)
        {
            problem = "Repository URLs with a query string or fragment are not accepted.";
            return null;
        }
        var slash = rest.IndexOf('/');
        var authority = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? "" : rest[slash..];

        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var user = authority[..at];
            if (scheme is "http" or "https" || user != "git")
            {
                problem = "Credentials are not accepted in repository URLs (only the 'git' user of ssh URLs is).";
                return null;
            }
            authority = authority[(at + 1)..];
        }
        if (!SplitHostPort(authority, out var host, out var port))
        {
            problem = "The repository URL has no valid host (or port).";
            return null;
        }
        problem = null;
        return (scheme, host, port, path);
    }

    private static (string Scheme, string Host, int? Port, string Path)? SplitScp(string url, out string? problem)
    {
        var match = ScpPattern().Match(url);
        if (!match.Success)
        {
            problem = url.Contains(':') && !url.Contains('@')
                ? $"This kind of repository address is not accepted: {Forms}."
                : $"Not a repository URL: {Forms}.";
            return null;
        }
        if (match.Groups["user"].Value != "git")
        {
            problem = "Only the 'git' user is accepted in git@host:owner/repo addresses.";
            return null;
        }
        if (!SplitHostPort(match.Groups["host"].Value, out var host, out _))
        {
            problem = "The repository address has no valid host.";
            return null;
        }
        problem = null;
        return ("ssh", host, null, match.Groups["path"].Value);
    }

    private static bool SplitHostPort(string authority, out string host, out int? port)
    {
        host = "";
        port = null;
        string portText;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            if (close < 0 || !IPAddress.TryParse(authority[1..close], out var v6)
                || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }
            host = HostNames.Normalize(authority[1..close]);
            portText = authority[(close + 1)..];
        }
        else
        {
            var colon = authority.IndexOf(':');
            host = HostNames.Normalize(colon < 0 ? authority : authority[..colon]);
            portText = colon < 0 ? "" : authority[colon..];
            if (!DnsName().IsMatch(host) || host.Length > 253)
            {
                return false;
            }
        }
        if (portText.Length == 0)
        {
            return true;
        }
        if (portText[0] != ':' || !int.TryParse(portText[1..], out var number) || number is < 1 or > 65535
            || !portText[1..].All(char.IsAsciiDigit))
        {
            return false;
        }
        port = number;
        return true;
    }

    private static string? CheckHost(string scheme, string host, bool allowLoopback)
    {
        var literal = IPAddress.TryParse(host, out var address) ? address : null;
        var isLoopback = literal is not null ? AddressRanges.IsLoopback(literal) : HostNames.IsLocalhostName(host);
        if (scheme == "git" && !(allowLoopback && isLoopback))
        {
            return $"git:// URLs are not accepted (unencrypted and unauthenticated): {Forms}.";
        }
        if (literal is not null)
        {
            return HostNames.ProblemWith(literal, allowLoopback);
        }
        return isLoopback && !allowLoopback ? $"The host '{host}' is this machine." : null;
    }

    private static string? NameFrom(string path, out string? name)
    {
        name = null;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return "The repository URL has no repository path.";
        }
        if (segments.Any(s => s is "." or ".."))
        {
            return "The repository path may not contain '.' or '..' segments.";
        }
        var last = segments[^1];
        var candidate = last.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? last[..^4] : last;
        if (!ProjectName.IsValid(candidate))
        {
            return $"'{candidate}' is not a valid repository name: it must start with a letter or digit and contain only "
                + $"letters, digits, '.', '_' or '-' (at most {ProjectName.MaxLength} characters).";
        }
        name = candidate;
        return null;
    }

    // user@host:path, where the user has no ':' (that would be a password) and the path does not start with '-'
    // (an option to a command-line ssh).
    [GeneratedRegex(@"\A(?<user>[^@/:]+)@(?<host>\[[^\]/]+\]|[^@/:\[\]]+):(?<path>[^-].*)\z", RegexOptions.CultureInvariant)]
    private static partial Regex ScpPattern();

    // Labels of letters, digits, '-' and '_', none starting with '-', so a host can never look like an option.
    [GeneratedRegex(@"\A[a-z0-9_][a-z0-9_-]{0,62}(\.[a-z0-9_][a-z0-9_-]{0,62})*\z", RegexOptions.CultureInvariant)]
    private static partial Regex DnsName();
}
