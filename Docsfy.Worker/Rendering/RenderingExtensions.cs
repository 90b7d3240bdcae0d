namespace Docsfy.Worker.Rendering;

public static class RenderingExtensions
{
    /// <summary>
    /// The rendering stage's <see cref="ISiteRenderer"/> and the limits on the images a site copies
    /// (<see cref="ImageOptions"/>, validated on start). It holds no state, so one instance serves every run. The
    /// cross-linker is not registered: it is built per run from that run's plan (<c>new CrossLinker(plan)</c>).
    /// </summary>
    public static IHostApplicationBuilder AddDocsfyRendering(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ISiteRenderer, SiteRenderer>();
        builder.Services.AddOptions<ImageOptions>()
            .BindConfiguration(ImageOptions.Section)
            .Validate(options => options.MaxImageBytes > 0 && options.MaxTotalBytes > 0 && options.MaxImages > 0,
                "Invalid Rendering:Images settings: MaxImageBytes, MaxTotalBytes and MaxImages must be positive.")
            .ValidateOnStart();
        return builder;
    }
}
