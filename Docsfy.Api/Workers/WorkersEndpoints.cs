using Docsfy.Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docsfy.Api.Workers;

public static class WorkersEndpoints
{
    public static IEndpointRouteBuilder MapWorkersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/workers", List).RequireAuthorization(AuthPolicies.Admin).WithTags("Workers")
            .WithSummary("Live workers")
            .WithDescription("Admins. The workers heard from within Workers:PresenceTimeout: runs in progress, capacity, free slots "
                + "and the AI providers each can run now. Empty when no worker is alive (then /health says Degraded).");
        return app;
    }

    /// <summary>Admins: the live workers, what they run and what they could take.</summary>
    private static Ok<WorkersResponse> List(WorkerRegistry registry) => TypedResults.Ok(new WorkersResponse(registry.Alive()));
}

public sealed record WorkersResponse(IReadOnlyList<WorkerPresenceView> Workers);
