using Aspire.Hosting.ApplicationModel;

namespace Docsfy.AppHost.Restarts;

/// <summary>Marks a resource whose instances the app host starts again when they exit unexpectedly.</summary>
public sealed class RestartOnExitAnnotation(RestartPolicy policy) : IResourceAnnotation
{
    public RestartPolicy Policy { get; } = policy;
}
