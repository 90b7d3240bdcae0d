namespace Docsfy.Api.Credentials;

/// <summary>
/// The body of <c>PUT /api/projects/{name}/credentials</c>: <c>{"kind":"https_token","username":…,"token":…}</c> or
/// <c>{"kind":"ssh_key","private_key":…,"known_hosts":…?}</c>. Fields of the other kind are refused.
/// </summary>
public sealed record CredentialsRequest(
    string Kind,
    string? Username = null,
    string? Token = null,
    string? PrivateKey = null,
    string? KnownHosts = null);
