namespace Docsfy.Api.Search;

public static class SearchExtensions
{
    /// <summary>Indexing published sites and searching them.</summary>
    public static IHostApplicationBuilder AddDocsfySearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SearchIndexer>();
        builder.Services.AddSingleton<SearchStore>();
        return builder;
    }
}
