namespace Docsfy.Api.Projects;

public static class VariantStatus
{
    public const string Generating = "generating";
    public const string Ready = "ready";
    public const string Error = "error";
    public const string Aborted = "aborted";
}
