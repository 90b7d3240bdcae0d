using Docsfy.Api.Auth;
using Docsfy.Api.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Docsfy.Api.OpenApi;

/// <summary>
/// Derives each operation's security from the authorization the endpoint really has, so the document cannot drift
/// from it: an endpoint that requires authorization accepts the Bearer key or the session cookie and may answer 401;
/// one that requires the admin or writer policy may also answer 403. Anonymous endpoints list no security.
/// </summary>
internal sealed class AuthorizationOperationTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }
        var authorizations = metadata.OfType<IAuthorizeData>().ToList();
        if (authorizations.Count == 0)
        {
            return;
        }

        operation.Security ??= [];
        foreach (var scheme in new[] { DocumentDescriptionTransformer.BearerScheme, DocumentDescriptionTransformer.SessionScheme })
        {
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [],
            });
        }

        var error = await ErrorSchemaAsync(context, cancellationToken);
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", ErrorResponse(error,
            "Not authenticated: no valid `Authorization: Bearer` key or session cookie."));

        var roles = RolesOf(authorizations);
        if (roles is not null)
        {
            operation.Responses.TryAdd("403", ErrorResponse(error, $"The caller's role is not {roles}."));
            operation.Description = string.IsNullOrEmpty(operation.Description)
                ? $"Role: {roles}."
                : $"{operation.Description}\n\nRole: {roles}.";
        }
    }

    /// <summary>The roles the endpoint's policies admit, in words; null when any signed-in user may call it.</summary>
    private static string? RolesOf(IEnumerable<IAuthorizeData> authorizations)
    {
        var policies = authorizations.Select(data => data.Policy).Where(policy => policy is not null).ToHashSet();
        if (policies.Contains(AuthPolicies.Admin))
        {
            return Roles.Admin;
        }
        return policies.Contains(AuthPolicies.Writer) ? $"{Roles.Admin} or {Roles.User}" : null;
    }

    /// <summary>A reference to the one <c>ApiError</c> component, added when no endpoint has declared it yet.</summary>
    private static async Task<IOpenApiSchema> ErrorSchemaAsync(OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        var name = nameof(ApiError);
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(name) != true)
        {
            document.AddComponent<IOpenApiSchema>(name, await context.GetOrCreateSchemaAsync(typeof(ApiError), null, cancellationToken));
        }
        return new OpenApiSchemaReference(name, document);
    }

    private static OpenApiResponse ErrorResponse(IOpenApiSchema schema, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/json"] = new() { Schema = schema },
        },
    };
}
