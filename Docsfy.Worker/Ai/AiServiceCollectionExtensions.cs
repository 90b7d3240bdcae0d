using Docsfy.Worker.Ai.Cli;
using Docsfy.Worker.Ai.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Docsfy.Worker.Ai;

public static class AiServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IAiProviderCatalog"/> with the <c>claude</c>, <c>gemini</c>, <c>cursor</c> and <c>openai</c>
    /// providers, bound from the <c>Ai</c> configuration section; <c>OPENAI_BASE_URL</c> and <c>OPENAI_API_KEY</c> fill
    /// the OpenAI endpoint settings when <c>Ai:OpenAI</c> leaves them empty.
    /// </summary>
    public static IHostApplicationBuilder AddAiProviders(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AiOptions>()
            .BindConfiguration(AiOptions.SectionName)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                if (string.IsNullOrWhiteSpace(options.OpenAI.Endpoint))
                    options.OpenAI.Endpoint = configuration["OPENAI_BASE_URL"];
                if (string.IsNullOrWhiteSpace(options.OpenAI.ApiKey))
                    options.OpenAI.ApiKey = configuration["OPENAI_API_KEY"];
            })
            .Validate(options => options.MaxOutputBytes > 0 && options.MaxErrorBytes > 0,
                "Ai:MaxOutputBytes and Ai:MaxErrorBytes must be positive.")
            .ValidateOnStart();

        foreach (var tool in CliToolDefinition.Defaults)
        {
            services.AddSingleton<IAiProvider>(provider => new CliAiProvider(tool,
                provider.GetRequiredService<IOptions<AiOptions>>(),
                provider.GetRequiredService<ILogger<CliAiProvider>>()));
        }
        services.AddSingleton<IAiProvider, OpenAiCompatibleProvider>();
        services.TryAddSingleton<IAiProviderCatalog, AiProviderCatalog>();
        return builder;
    }
}
