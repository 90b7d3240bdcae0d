namespace Docsfy.Cli.Connection;

/// <summary>Reads the server address a user gives: http(s) only, no credentials, query or fragment in it.</summary>
public static class ServerUrl
{
    public static Uri Parse(string text, string from)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliFailure(ExitCodes.Usage, $"{from} must be an http:// or https:// address, e.g. http://localhost:8000.");
        }
        if (url.UserInfo.Length > 0 || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            throw new CliFailure(ExitCodes.Usage, $"{from} must be a plain server address, without a user, query or fragment.");
        }
        // A trailing slash makes relative API paths resolve under a server mounted below the root.
        return new Uri(url.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
    }
}
