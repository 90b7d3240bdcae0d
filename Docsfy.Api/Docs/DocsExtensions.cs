namespace Docsfy.Api.Docs;

public static class DocsExtensions
{
    /// <summary>Serving and downloading generated sites.</summary>
    public static IHostApplicationBuilder AddDocsfyDocs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SiteFileReader>();
        builder.Services.AddSingleton<SiteLocator>();
        return builder;
    }

    /// <summary><c>/docs/...</c> and <c>/api/projects/.../download</c>.</summary>
    public static IEndpointRouteBuilder MapDocsApi(this IEndpointRouteBuilder app) => app.MapDocs().MapDownloads();
}
