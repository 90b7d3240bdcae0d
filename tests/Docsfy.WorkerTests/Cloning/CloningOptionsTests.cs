using Docsfy.Worker.Cloning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Docsfy.WorkerTests.Cloning;

public sealed class CloningOptionsTests
{
    [Fact]
    public void Unset_history_depths_are_the_valid_defaults()
    {
        var options = new CloningOptions();

        Assert.Equal([50, 1000], options.Depths);
        Assert.Null(options.Problem());
    }

    [Fact]
    public void No_history_depths_means_no_deepening_and_is_valid()
    {
        var options = new CloningOptions { HistoryDepths = [] };

        Assert.Empty(options.Depths);
        Assert.Null(options.Problem());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_history_depth_that_is_not_positive_is_refused(int depth)
    {
        Assert.Equal("Clone:HistoryDepths must all be positive.", new CloningOptions { HistoryDepths = [10, depth] }.Problem());
    }

    [Fact]
    public void Configured_history_depths_replace_the_defaults()
    {
        var options = Bind(new() { ["Clone:HistoryDepths:0"] = "5", ["Clone:HistoryDepths:1"] = "20" });

        Assert.Equal([5, 20], options.Depths);
    }

    [Fact]
    public void Without_configuration_the_defaults_apply()
    {
        Assert.Equal(CloningOptions.DefaultHistoryDepths, Bind([]).Depths);
    }

    [Fact]
    public void A_configured_history_depth_that_is_not_positive_fails_with_a_message_that_names_it()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Clone:HistoryDepths:0"] = "0" }));

        Assert.Contains("HistoryDepths", error.Message, StringComparison.Ordinal);
    }

    private static CloningOptions Bind(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddRepositoryCloning();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<CloningOptions>>().Value;
    }
}
