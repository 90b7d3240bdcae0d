using System.Text.Json;

namespace Docsfy.Api.Refresh.Webhooks;

/// <summary>
/// Reads which branches a verified delivery pushed to, in each host's payload shape. Tags, deleted branches and events
/// other than pushes name none.
/// </summary>
public static class PushPayload
{
    private const string HeadsPrefix = "refs/heads/";
    private const int MaxBranches = 100;

    /// <summary>Whether the host's event is a push at all (a ping or an issue event is answered, and changes nothing).</summary>
    public static bool IsPush(WebhookHost host, string hostEvent) => host switch
    {
        WebhookHost.GitHub or WebhookHost.Gitea => hostEvent == "push",
        WebhookHost.GitLab => hostEvent == "Push Hook",
        // Cloud sends repo:push; Data Center repo:refs_changed.
        WebhookHost.Bitbucket => hostEvent is "repo:push" or "repo:refs_changed",
        _ => true,
    };

    /// <summary>The branches pushed to, each once. Throws <see cref="JsonException"/> when the body is not JSON.</summary>
    public static IReadOnlyList<string> BranchesOf(WebhookHost host, ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return [];
        }
        var branches = host == WebhookHost.Bitbucket ? BitbucketBranches(root) : RefBranch(root);
        return [.. branches.Where(b => b.Length > 0).Distinct(StringComparer.Ordinal).Take(MaxBranches)];
    }

    /// <summary>GitHub, GitLab, Gitea and the generic form: <c>ref</c>, unless the push deleted the branch.</summary>
    private static IEnumerable<string> RefBranch(JsonElement root)
    {
        if (String(root, "ref") is not { } reference || !reference.StartsWith(HeadsPrefix, StringComparison.Ordinal))
        {
            yield break;
        }
        var deleted = root.TryGetProperty("deleted", out var flag) && flag.ValueKind == JsonValueKind.True;
        var after = String(root, "after");
        if (deleted || (after is { Length: > 0 } && after.All(c => c == '0')))
        {
            yield break;
        }
        yield return reference[HeadsPrefix.Length..];
    }

    /// <summary>Cloud: <c>push.changes[].new</c> of type branch; Data Center: <c>changes[].ref</c> unless deleted.</summary>
    private static IEnumerable<string> BitbucketBranches(JsonElement root)
    {
        if (root.TryGetProperty("push", out var push) && push.ValueKind == JsonValueKind.Object
            && push.TryGetProperty("changes", out var cloudChanges) && cloudChanges.ValueKind == JsonValueKind.Array)
        {
            foreach (var change in cloudChanges.EnumerateArray())
            {
                if (change.ValueKind == JsonValueKind.Object && change.TryGetProperty("new", out var target)
                    && target.ValueKind == JsonValueKind.Object && String(target, "type") == "branch"
                    && String(target, "name") is { } name)
                {
                    yield return name;
                }
            }
        }
        if (root.TryGetProperty("changes", out var changes) && changes.ValueKind == JsonValueKind.Array)
        {
            foreach (var change in changes.EnumerateArray())
            {
                if (change.ValueKind == JsonValueKind.Object && String(change, "type") != "DELETE"
                    && change.TryGetProperty("ref", out var reference) && reference.ValueKind == JsonValueKind.Object
                    && String(reference, "id") is { } id && id.StartsWith(HeadsPrefix, StringComparison.Ordinal))
                {
                    yield return id[HeadsPrefix.Length..];
                }
            }
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
