using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Docsfy.AppHost.Restarts;

public static class RestartOnExitExtensions
{
    /// <summary>
    /// In run mode, starts each instance (every replica) of the resource again when its process exits without being
    /// asked to: a crash, a SIGKILL, an exit with an error. A stop someone asked for (the dashboard's Stop, the app host
    /// shutting down) stays a stop. In publish mode this does nothing: a deployment's platform restarts its containers.
    /// </summary>
    /// <param name="builder">The resource, e.g. a project.</param>
    /// <param name="policy">The backoff between restarts; the defaults of <see cref="RestartPolicy"/> when null.</param>
    public static IResourceBuilder<T> WithRestartOnExit<T>(this IResourceBuilder<T> builder, RestartPolicy? policy = null)
        where T : IResource
    {
        if (!builder.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            return builder;
        }
        builder.ApplicationBuilder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RestartOnExitService>());
        return builder.WithAnnotation(new RestartOnExitAnnotation((policy ?? new RestartPolicy()).Validated()),
            ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>
    /// <see cref="WithRestartOnExit{T}(IResourceBuilder{T}, RestartPolicy?)"/> as the settings in
    /// <paramref name="settings"/> say (see <see cref="RestartSettings"/>): on unless <c>RestartOnExit</c> is false.
    /// </summary>
    public static IResourceBuilder<T> WithRestartOnExit<T>(this IResourceBuilder<T> builder, IConfiguration settings)
        where T : IResource =>
        RestartSettings.From(settings) is { } policy ? builder.WithRestartOnExit(policy) : builder;
}
