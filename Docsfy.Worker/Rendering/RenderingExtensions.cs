namespace Docsfy.Worker.Rendering;

public static class RenderingExtensions
{
    /// <summary>
    /// The rendering stage's <see cref="ISiteRenderer"/>. It holds no state, so one instance serves every run. The
    /// cross-linker is not registered: it is built per run from that run's plan (<c>new CrossLinker(plan)</c>).
    /// </summary>
    public static IHostApplicationBuilder AddDocsfyRendering(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ISiteRenderer, SiteRenderer>();
        return builder;
    }
}
