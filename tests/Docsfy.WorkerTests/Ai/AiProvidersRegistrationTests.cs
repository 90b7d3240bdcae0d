using Docsfy.Worker.Ai;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Docsfy.WorkerTests.Ai;

public sealed class AiProvidersRegistrationTests
{
    [Theory]
    [InlineData("claude")]
    [InlineData("gemini")]
    [InlineData("cursor")]
    [InlineData("openai")]
    [InlineData("Claude")]
    public void The_catalog_finds_each_provider_by_name(string name)
    {
        using var host = Build([]);

        var provider = host.Services.GetRequiredService<IAiProviderCatalog>().Find(name);

        Assert.NotNull(provider);
        Assert.Equal(name, provider.Name, ignoreCase: true);
    }

    [Theory]
    [InlineData("offline")]
    [InlineData("codex")]
    [InlineData("")]
    public void Unknown_names_and_offline_are_not_ai_providers(string name)
    {
        using var host = Build([]);

        Assert.Null(host.Services.GetRequiredService<IAiProviderCatalog>().Find(name));
    }

    [Fact]
    public void Settings_bind_from_the_ai_section()
    {
        using var host = Build(new()
        {
            ["Ai:Cli:Claude:Path"] = "/opt/claude/bin/claude", // env var names are often capitalised
            ["Ai:OpenAI:Endpoint"] = "http://ollama:11434/v1",
            ["Ai:OpenAI:DefaultModel"] = "qwen3",
            ["OPENAI_BASE_URL"] = "http://ignored/v1",
            ["OPENAI_API_KEY"] = "key-from-the-standard-variable",
        });

        var options = host.Services.GetRequiredService<IOptions<AiOptions>>().Value;

        Assert.Equal("/opt/claude/bin/claude", options.Cli["claude"].Path);
        Assert.Equal("http://ollama:11434/v1", options.OpenAI.Endpoint);
        Assert.Equal("qwen3", options.OpenAI.DefaultModel);
        Assert.Equal("key-from-the-standard-variable", options.OpenAI.ApiKey);
    }

    [Fact]
    public void The_standard_openai_variables_fill_an_empty_section()
    {
        using var host = Build(new() { ["OPENAI_BASE_URL"] = "https://api.example.test/v1" });

        Assert.Equal("https://api.example.test/v1", host.Services.GetRequiredService<IOptions<AiOptions>>().Value.OpenAI.Endpoint);
    }

    [Fact]
    public void Ready_providers_are_those_whose_tool_exists_or_endpoint_is_set_and_always_offline()
    {
        var tools = Directory.CreateTempSubdirectory("docsfy-tools-");
        try
        {
            var claude = Path.Combine(tools.FullName, "claude");
            File.WriteAllText(claude, "#!/bin/sh\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(claude, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            }
            using var host = Build(new()
            {
                ["Ai:Cli:claude:Path"] = claude,
                ["Ai:Cli:gemini:Path"] = Path.Combine(tools.FullName, "gemini"), // not there
                ["Ai:Cli:cursor:Path"] = Path.Combine(tools.FullName, "cursor-agent"),
                ["Ai:OpenAI:Endpoint"] = "http://localhost:11434/v1",
            });

            var ready = host.Services.GetRequiredService<IAiProviderCatalog>().ReadyProviders();

            Assert.Equal(["claude", "offline", "openai"], ready.Order(StringComparer.Ordinal));
        }
        finally
        {
            tools.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("ftp://example.test/v1")]
    public void Openai_is_not_ready_without_an_http_endpoint(string endpoint)
    {
        using var host = Build(new() { ["Ai:OpenAI:Endpoint"] = endpoint });

        Assert.DoesNotContain("openai", host.Services.GetRequiredService<IAiProviderCatalog>().ReadyProviders());
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddAiProviders();
        return builder.Build();
    }
}
