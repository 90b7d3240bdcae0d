using Docsfy.Contracts;
using MassTransit;

namespace Docsfy.Api.Refresh;

public static class RefreshExtensions
{
    /// <summary>Refresh on push and on a schedule: settings, webhook secrets and the scheduler every replica runs.</summary>
    public static IHostApplicationBuilder AddDocsfyRefresh(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RefreshOptions>().BindConfiguration(RefreshOptions.Section)
            .Validate(o => o.Problem() is null, "Invalid Refresh settings: see docs/design/configuration.md.")
            .ValidateOnStart();
        builder.Services.AddSingleton<RefreshStore>();
        builder.Services.AddSingleton<WebhookSecrets>();
        builder.Services.AddHostedService<RefreshScheduler>();
        return builder;
    }

    /// <summary>The request client the scheduler asks workers for branch heads with; call inside the API's bus registration.</summary>
    public static void AddHeadChecks(this IBusRegistrationConfigurator bus) =>
        bus.AddRequestClient<ResolveBranchHead>(new Uri($"queue:{Queues.HeadCheck}"));
}
