using System.Reflection;
using System.Text.Json;
using Docsfy.Contracts;

namespace Docsfy.UnitTests.Credentials;

/// <summary>
/// No credential travels through RabbitMQ (docs/design/refresh.md §8): the messages name the project, and the worker
/// loads its credential from the database. These hold the contracts to that.
/// </summary>
public sealed class MessageContractTests
{
    private static readonly string[] SecretWords = ["token", "password", "secret", "credential", "private", "knownhost", "auth"];

    [Fact]
    public void The_contracts_cannot_even_name_a_credential()
    {
        var contracts = typeof(GenerateDocumentation).Assembly;

        Assert.DoesNotContain(contracts.GetReferencedAssemblies(), name => name.Name == "Docsfy.Credentials");
        var offending = contracts.GetExportedTypes()
            .Where(type => type.Namespace == "Docsfy.Contracts")
            // Text only: a count of AI tokens (RunUsage.InputTokens) is a number and cannot hold a secret.
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(property => property.PropertyType == typeof(string))
                .Select(property => $"{type.Name}.{property.Name}"))
            .Where(name => SecretWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase)));
        Assert.Empty(offending);
    }

    [Fact]
    public void A_run_and_a_head_check_of_a_private_project_carry_its_name_and_nothing_more()
    {
        var run = new GenerateDocumentation(new VariantKey("repo", "main", "claude", "opus", "alice"), Guid.NewGuid(),
            "https://git.example.com/alice/repo.git", null, false, null, null, null, null, null);
        var check = new ResolveBranchHead("https://git.example.com/alice/repo.git", null, "main", "repo", "alice");

        Assert.Equal(["Variant", "RunId", "RepoUrl", "RepoPath", "Force", "RepoType", "AiCliTimeoutMinutes", "BaseRunId",
            "BaseCommitSha", "BasePlanJson", "Attempt"], JsonDocument.Parse(JsonSerializer.Serialize(run)).RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["RepoUrl", "RepoPath", "Branch", "Project", "Owner"],
            JsonDocument.Parse(JsonSerializer.Serialize(check)).RootElement.EnumerateObject().Select(p => p.Name));
    }
}
