using Docsfy.Worker.Cloning;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Docsfy.WorkerTests.Cloning;

internal static class Cloners
{
    /// <summary>Every await in these tests is bounded by this: generous, as the test machine is small and shared.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    public static RepositoryCloner Create(Action<CloningOptions>? configure = null)
    {
        var options = new CloningOptions();
        configure?.Invoke(options);
        return new RepositoryCloner(Options.Create(options), NullLogger<RepositoryCloner>.Instance);
    }

    public static Task<Checkout> CloneLocalAsync(
        this RepositoryCloner cloner, string path, string branch, string target, CancellationToken cancellationToken = default) =>
        cloner.CloneAsync(new RepositorySource(null, path, branch), target, cancellationToken).WaitAsync(Bound);
}
