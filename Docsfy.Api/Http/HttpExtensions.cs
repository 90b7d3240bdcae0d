using System.Text.Json;

namespace Docsfy.Api.Http;

public static class HttpExtensions
{
    /// <summary>snake_case JSON everywhere (the product's wire format) and the strict body reader.</summary>
    public static IHostApplicationBuilder AddDocsfyHttp(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = null;
        });
        builder.Services.AddSingleton<JsonBody>();
        builder.Services.AddProblemDetails();
        return builder;
    }
}
