using System.Text.Json;
using System.Text.Json.Serialization;

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
            // Numbers are numbers: the web defaults also read "42" as 42, which JsonBody refuses and the OpenAPI
            // document would otherwise advertise as "integer or string".
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        builder.Services.AddSingleton<JsonBody>();
        builder.Services.AddProblemDetails();
        return builder;
    }
}
