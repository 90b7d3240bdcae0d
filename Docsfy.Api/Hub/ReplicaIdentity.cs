namespace Docsfy.Api.Hub;

/// <summary>
/// Names this API process among its replicas: the suffix of its broadcast queue and the <c>X-Docsfy-Replica</c> response
/// header, which tells operators (and tests) which replica served a request or holds a socket.
/// </summary>
public static class ReplicaIdentity
{
    public const string HeaderName = "X-Docsfy-Replica";

    public static string Id { get; } = Guid.NewGuid().ToString("N")[..12];
}
