using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Docsfy.WorkerTests.Cloning;

/// <summary>
/// Smart HTTP on loopback: an <see cref="HttpListener"/> that hands each request to <c>git http-backend</c> (CGI), so
/// https-like clones (shallow ones included) are tested without the internet. Each backend process is waited for.
/// </summary>
public sealed class GitHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _basePath;
    private readonly Task _loop;

    public GitHttpServer(string basePath)
    {
        _basePath = basePath;
        Port = FreePort();
        // Both names, so a redirect test can point at the same server under another host name.
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Prefixes.Add($"http://localhost:{Port}/");
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    /// <summary>
    /// When set, every request must carry exactly this HTTP Basic authentication (as a private repository on a git host
    /// demands); any other gets 401 with a Basic challenge, before git sees it.
    /// </summary>
    public (string Username, string Password)? RequiredBasicAuth { get; set; }

    /// <summary>Requests refused for missing or wrong authentication.</summary>
    public int RefusedRequests => _refused;

    private int _refused;

    public string UrlOf(string repositoryFolderName) => $"http://127.0.0.1:{Port}/{repositoryFolderName}";

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var request = context.Request;
        if (RequiredBasicAuth is { } required && !IsAuthorized(request.Headers["Authorization"], required))
        {
            Interlocked.Increment(ref _refused);
            context.Response.StatusCode = 401;
            context.Response.AddHeader("WWW-Authenticate", "Basic realm=\"git\"");
            context.Response.Close();
            return;
        }
        var start = new ProcessStartInfo("git", ["http-backend"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["GIT_PROJECT_ROOT"] = _basePath;
        start.Environment["GIT_HTTP_EXPORT_ALL"] = "1";
        start.Environment["GIT_CONFIG_COUNT"] = "1";
        start.Environment["GIT_CONFIG_KEY_0"] = "safe.directory";
        start.Environment["GIT_CONFIG_VALUE_0"] = "*";
        start.Environment["REQUEST_METHOD"] = request.HttpMethod;
        start.Environment["PATH_INFO"] = request.Url!.AbsolutePath;
        start.Environment["QUERY_STRING"] = request.Url.Query.TrimStart('?');
        start.Environment["REMOTE_ADDR"] = "127.0.0.1";
        start.Environment["CONTENT_TYPE"] = request.ContentType ?? "";
        if (request.ContentLength64 > 0)
        {
            start.Environment["CONTENT_LENGTH"] = request.ContentLength64.ToString();
        }
        if (request.Headers["Content-Encoding"] is { } encoding)
        {
            start.Environment["HTTP_CONTENT_ENCODING"] = encoding;
        }
        if (request.Headers["Git-Protocol"] is { } protocol)
        {
            start.Environment["GIT_PROTOCOL"] = protocol;
        }

        using var process = Process.Start(start)!;
        var input = Task.Run(async () =>
        {
            await request.InputStream.CopyToAsync(process.StandardInput.BaseStream);
            process.StandardInput.Close();
        });
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.BaseStream;
        var response = context.Response;
        try
        {
            foreach (var header in await ReadHeadersAsync(output))
            {
                var colon = header.IndexOf(':');
                var (name, value) = (header[..colon].Trim(), header[(colon + 1)..].Trim());
                if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
                {
                    response.StatusCode = int.Parse(value.Split(' ')[0]);
                }
                else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    response.ContentType = value;
                }
                else if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    response.AddHeader(name, value);
                }
            }
            await output.CopyToAsync(response.OutputStream);
            await input;
        }
        catch (Exception e) when (e is IOException or HttpListenerException or InvalidOperationException)
        {
        }
        finally
        {
            await process.WaitForExitAsync();
            await errors;
            try
            {
                response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
            }
        }
    }

    private static bool IsAuthorized(string? header, (string Username, string Password) required)
    {
        const string prefix = "Basic ";
        if (header is null || !header.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(header[prefix.Length..])) == $"{required.Username}:{required.Password}";
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static async Task<List<string>> ReadHeadersAsync(Stream output)
    {
        var headers = new List<string>();
        var line = new StringBuilder();
        var one = new byte[1];
        while (await output.ReadAsync(one) == 1)
        {
            if (one[0] == '\n')
            {
                var text = line.ToString().TrimEnd('\r');
                if (text.Length == 0)
                {
                    break;
                }
                headers.Add(text);
                line.Clear();
            }
            else
            {
                line.Append((char)one[0]);
            }
        }
        return headers;
    }

    public void Dispose()
    {
        // Close alone: after Stop has already let go of the port, Close looks the endpoint up again and, finding none,
        // binds the port anew, which fails with "Address already in use" when another test took it meanwhile.
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(10));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
