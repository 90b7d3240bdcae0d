using Docsfy.Api.Auth;
using Microsoft.Extensions.FileProviders;

namespace Docsfy.Api.Dashboard;

/// <summary>
/// The web dashboard: static HTML, CSS and JavaScript modules from <c>wwwroot</c>, driven entirely by the REST API and
/// <c>/api/ws</c>. <c>/</c> needs a session (a browser without one is sent to <c>/login</c>); <c>/login</c> and the assets
/// under <c>/assets</c> are public, since they hold no data.
/// </summary>
public static class DashboardEndpoints
{
    public const string AssetsPath = "/assets";

    /// <summary>Serves <c>wwwroot/assets</c> at <c>/assets</c>; nothing else of the web root is served as a file.</summary>
    public static WebApplication UseDashboardAssets(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = AssetsPath,
            FileProvider = new PhysicalFileProvider(Path.Combine(app.Environment.WebRootPath, "assets")),
            OnPrepareResponse = context => DashboardHeaders.Apply(context.Context.Response),
        });
        return app;
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context, IWebHostEnvironment environment) => Page(context, environment, "index.html"))
            .RequireAuthorization().RedirectsToLogin()
            .WithTags("Dashboard").WithSummary("The web dashboard")
            .WithDescription("A browser without a session is sent to `/login`.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html").Produces(StatusCodes.Status302Found);
        app.MapGet(LoginRedirect.LoginPath, (HttpContext context, IWebHostEnvironment environment) =>
            LoginRedirect.UnsafeNextRedirect(context.Request) is { } safe
                ? Results.Redirect(safe)
                : Page(context, environment, "login.html")).AllowAnonymous()
            .WithTags("Dashboard").WithSummary("The dashboard's login page")
            .WithDescription("Redirects when `?next=` is not a page of this site.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html").Produces(StatusCodes.Status302Found);
        return app;
    }

    private static IResult Page(HttpContext context, IWebHostEnvironment environment, string file)
    {
        var page = environment.WebRootFileProvider.GetFileInfo(file);
        if (!page.Exists || page.PhysicalPath is null)
        {
            throw new InvalidOperationException($"The dashboard page {file} is missing from the web root.");
        }
        DashboardHeaders.Apply(context.Response);
        return TypedResults.PhysicalFile(page.PhysicalPath, "text/html; charset=utf-8");
    }
}
