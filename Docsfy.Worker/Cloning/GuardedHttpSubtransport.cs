using System.Net;
using System.Net.Http.Headers;
using Docsfy.Credentials;
using LibGit2Sharp;

namespace Docsfy.Worker.Cloning;

/// <summary>
/// Replaces libgit2's own HTTP(S) transport with <see cref="GuardedHttpClient"/>. libgit2 follows an off-site redirect on
/// the first request and resolves host names itself, and LibGit2Sharp 0.32 exposes neither setting; speaking smart HTTP
/// through a client Docsfy controls closes both holes, and lets cancellation reach a clone waiting on a silent server.
/// </summary>
internal sealed class GuardedHttpSubtransport : RpcSmartSubtransport
{
    private static readonly Lazy<bool> Registration = new(() =>
    {
        GlobalSettings.RegisterSmartSubtransport<GuardedHttpSubtransport>("http");
        GlobalSettings.RegisterSmartSubtransport<GuardedHttpSubtransport>("https");
        return true;
    });

    /// <summary>Registers the transport for http and https, once per process.</summary>
    public static void EnsureRegistered() => _ = Registration.Value;

    protected override SmartSubtransportStream Action(string url, GitSmartSubtransportAction action) => action switch
    {
        GitSmartSubtransportAction.UploadPackList =>
            new Exchange(this, HttpMethod.Get, url + "/info/refs?service=git-upload-pack", null),
        GitSmartSubtransportAction.UploadPack =>
            new Exchange(this, HttpMethod.Post, url + "/git-upload-pack", "application/x-git-upload-pack-request"),
        _ => throw new NotSupportedException("Docsfy only fetches."),
    };

    /// <summary>One request and its response: libgit2 writes the request body, then reads the response.</summary>
    private sealed class Exchange(SmartSubtransport parent, HttpMethod method, string url, string? contentType)
        : SmartSubtransportStream(parent)
    {
        private readonly MemoryStream _body = new();
        private HttpResponseMessage? _response;
        private Stream? _content;

        public override int Write(Stream dataStream, long length)
        {
            var buffer = new byte[81920];
            while (length > 0)
            {
                var read = dataStream.Read(buffer, 0, (int)Math.Min(buffer.Length, length));
                if (read == 0)
                {
                    throw new EndOfStreamException("Short read of the request body.");
                }
                _body.Write(buffer, 0, read);
                length -= read;
            }
            return 0;
        }

        public override int Read(Stream dataStream, long length, out long bytesRead)
        {
            var scope = CloneNetworkScope.Current;
            try
            {
                _content ??= Send(scope);
            }
            catch (HttpRequestException e)
            {
                scope.TransportFailure = e.Message;
                throw;
            }
            var buffer = new byte[(int)Math.Min(length, 81920)];
            bytesRead = 0;
            if (length > 0)
            {
                var read = _content.ReadAsync(buffer, scope.CancellationToken).AsTask().GetAwaiter().GetResult();
                dataStream.Write(buffer, 0, read);
                bytesRead = read;
            }
            return 0;
        }

        private Stream Send(CloneNetworkScope scope)
        {
            var request = new HttpRequestMessage(method, url);
            request.Options.Set(GuardedHttpClient.AllowLoopback, scope.AllowLoopback);
            // Smart HTTP servers (GitHub among them) expect a git user agent.
            request.Headers.UserAgent.ParseAdd("git/2.0 (Docsfy; libgit2)");
            if (scope.Credential is { Kind: CredentialKind.HttpsToken } token)
            {
                request.Headers.Authorization = BasicAuthorization(request.RequestUri!, token, scope);
            }
            if (method == HttpMethod.Post)
            {
                request.Content = new ByteArrayContent(_body.ToArray());
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType!);
                request.Headers.Accept.ParseAdd("application/x-git-upload-pack-result");
            }
            _response = GuardedHttpClient.Instance.Send(request, HttpCompletionOption.ResponseHeadersRead, scope.CancellationToken);
            var status = (int)_response.StatusCode;
            if (status is >= 300 and < 400)
            {
                throw new HttpRequestException(
                    $"The server answered with a redirect ({status}), which is not followed: use the repository's final URL.");
            }
            if (_response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new HttpRequestException(CloneErrors.AuthenticationFailed(Display(url), scope.Credential, CredentialKind.HttpsToken));
            }
            if (_response.StatusCode != HttpStatusCode.OK)
            {
                throw new HttpRequestException($"unexpected http status code: {status}");
            }
            return _response.Content.ReadAsStream(scope.CancellationToken);
        }

        /// <summary>
        /// The token as HTTP Basic authentication, sent with every request (as git does once a server asked): never over
        /// plain http except to a loopback host (tests, a local server), where nothing crosses a network.
        /// </summary>
        private static AuthenticationHeaderValue BasicAuthorization(Uri uri, RepositoryCredential token, CloneNetworkScope scope)
        {
            if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
            {
                scope.TransportFailure = $"The project's token is sent only over https, and {Display(uri.ToString())} is http.";
                throw new HttpRequestException(scope.TransportFailure);
            }
            var pair = System.Text.Encoding.UTF8.GetBytes($"{token.Username}:{token.Secret}");
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(pair));
        }

        /// <summary>The repository's URL without the smart HTTP suffix this exchange added.</summary>
        private static string Display(string url)
        {
            var end = url.IndexOf("/info/refs?", StringComparison.Ordinal);
            return end >= 0 ? url[..end] : url.EndsWith("/git-upload-pack", StringComparison.Ordinal) ? url[..^"/git-upload-pack".Length] : url;
        }

        protected override void Free()
        {
            _content?.Dispose();
            _response?.Dispose();
            _body.Dispose();
            base.Free();
        }
    }
}
