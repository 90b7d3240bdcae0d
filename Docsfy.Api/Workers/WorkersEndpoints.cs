using Docsfy.Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docsfy.Api.Workers;

public static class WorkersEndpoints
{
    public static IEndpointRouteBuilder MapWorkersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/workers", List).RequireAuthorization(AuthPolicies.Admin);
        return app;
    }

    /// <summary>Admins: the live workers, what they run and what they could take.</summary>
    private static Ok<WorkersResponse> List(WorkerRegistry registry) => TypedResults.Ok(new WorkersResponse(registry.Alive()));
}

public sealed record WorkersResponse(IReadOnlyList<WorkerPresenceView> Workers);
