namespace Docsfy.Api.Docs;

/// <summary>What is known of a site file before its content is read.</summary>
public sealed record SiteFileHead(string ContentType, string Sha256, int Length);
