using Docsfy.Worker.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Docsfy.WorkerTests.Rendering;

public sealed class RenderingExtensionsTests
{
    [Fact]
    public void The_site_renderer_is_registered()
    {
        var builder = Host.CreateApplicationBuilder();

        builder.AddDocsfyRendering();

        using var services = builder.Services.BuildServiceProvider();
        Assert.IsType<SiteRenderer>(services.GetRequiredService<ISiteRenderer>());
    }
}
