using System.Text.Json.Nodes;
using Docsfy.Api.Access;
using Docsfy.Api.Auth;
using Docsfy.Api.Generation;
using Docsfy.Api.Http;
using Docsfy.Api.Users;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Docsfy.Api.OpenApi;

/// <summary>
/// Examples of the bodies people write by hand first (logging in, starting a run, managing users) and of the error
/// shape, so the reference page shows a request that works rather than <c>"string"</c> in every field.
/// </summary>
internal sealed class SchemaExampleTransformer : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<Type, string> Examples = new()
    {
        [typeof(ApiError)] = """{"detail": "Unknown role; use one of: admin, user, viewer.", "field": "role"}""",
        [typeof(LoginRequest)] = """{"username": "alice", "api_key": "docsfy_<the key you were given>"}""",
        [typeof(IdentityResponse)] = """{"username": "alice", "role": "user", "is_admin": false}""",
        [typeof(RotateKeyRequest)] = """{"new_key": "a key of at least 16 characters"}""",
        [typeof(CreateUserRequest)] = """{"username": "bob", "role": "viewer"}""",
        [typeof(ChangeRoleRequest)] = """{"role": "user"}""",
        [typeof(GrantRequest)] = """{"username": "bob", "owner": "alice"}""",
        [typeof(GenerateRequest)] = """
            {"repo_url": "https://github.com/octocat/Hello-World", "branch": "master", "ai_provider": "claude",
             "ai_model": "sonnet", "force": false}
            """,
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context,
        CancellationToken cancellationToken)
    {
        // Only the schema of the type itself, not of each property that has that type.
        if (context.JsonPropertyInfo is null && Examples.TryGetValue(context.JsonTypeInfo.Type, out var example))
        {
            schema.Examples = [JsonNode.Parse(example)!];
        }
        return Task.CompletedTask;
    }
}
