using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Docsfy.AppHost.Deployment;

/// <summary>How the worker is packaged and configured when the app host is published (azd, the Aspire manifest).</summary>
public static class WorkerDeploymentExtensions
{
    /// <summary>The worker's Dockerfile, relative to the repository root (the build context).</summary>
    public const string Dockerfile = "Docsfy.Worker/Dockerfile";

    /// <summary>Build argument naming the AI command-line tools to install (<c>claude gemini cursor</c>, or empty).</summary>
    public const string AiToolsArgument = "AI_TOOLS";

    /// <summary>
    /// In publish mode: builds the worker from <see cref="Dockerfile"/> and gives it the AI providers' keys as secret
    /// parameters. Nothing changes in run mode, where the worker is a local process that inherits the machine's tools
    /// and environment.
    /// </summary>
    /// <remarks>
    /// A Dockerfile (<c>PublishAsDockerFile</c>) rather than the SDK's container target, which azd would use for a plain
    /// project: a real run needs git and the OpenSSH client, and optionally Node.js and the AI tools, and the SDK's
    /// <c>PublishContainer</c> only layers the published app onto a base image; it runs no package manager, so it would
    /// need a prebuilt base image kept outside this repository. The context is the repository root because the worker
    /// builds with its sibling projects and the central package versions.
    /// </remarks>
    public static IResourceBuilder<ProjectResource> WithDeployment(this IResourceBuilder<ProjectResource> worker,
        IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsPublishMode)
        {
            return worker;
        }

        var providers = DeployedAiProviders.From(builder.Configuration);
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        worker.PublishAsDockerFile(container => container
            .WithDockerfile(repositoryRoot, Dockerfile)
            .WithBuildArg(AiToolsArgument, providers.ToolsArgument));

        // Secrets reach the container as Container Apps secrets at deploy time; none is ever a build argument, so no
        // key ends up in an image layer.
        foreach (var name in providers.Names)
        {
            if (DeployedAiProviders.ApiKeys.TryGetValue(name, out var key))
            {
                worker.WithEnvironment(key.Variable, builder.AddParameter(key.Parameter, secret: true));
            }
        }
        if (providers.Names.Contains("openai"))
        {
            var (parameter, variable) = DeployedAiProviders.OpenAIBaseUrl;
            worker.WithEnvironment(variable, builder.AddParameter(parameter));
        }
        return worker;
    }
}
