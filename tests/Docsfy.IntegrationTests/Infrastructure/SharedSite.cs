using System.Net;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>
/// The cast of a visibility test: an owner with a site generated for real (offline) from a repository served over
/// HTTP, a grantee it is shared with, and another user and a viewer it is not shared with.
/// </summary>
public sealed class SharedSite : IDisposable
{
    private readonly ServedRepository _repository;

    private SharedSite(ServedRepository repository, Guid run, Users.Created owner, Users.Created grantee, Users.Created other,
        Users.Created viewer)
    {
        _repository = repository;
        Run = run;
        (Owner, Grantee, Other, Viewer) = (owner, grantee, other, viewer);
    }

    public Users.Created Owner { get; }

    public Users.Created Grantee { get; }

    public Users.Created Other { get; }

    public Users.Created Viewer { get; }

    public string Project => _repository.Name;

    /// <summary>The run whose site is published.</summary>
    public Guid Run { get; }

    public static async Task<SharedSite> CreateAsync(DocsfyClient client, string prefix, IReadOnlyDictionary<string, string> files)
    {
        var owner = await Users.CreateAsync(client, $"{prefix}-owner", "user");
        var grantee = await Users.CreateAsync(client, $"{prefix}-grantee", "user");
        var other = await Users.CreateAsync(client, $"{prefix}-other", "user");
        var viewer = await Users.CreateAsync(client, $"{prefix}-viewer", "viewer");
        var repository = ServedRepository.Create(prefix, files);
        try
        {
            var run = await PublishedDocs.GenerateAsync(client, owner.Bearer, new { repo_url = repository.Url, ai_provider = "offline" });
            var site = new SharedSite(repository, run, owner, grantee, other, viewer);
            await site.GrantAsync(client, grantee);
            return site;
        }
        catch
        {
            repository.Dispose();
            throw;
        }
    }

    public async Task GrantAsync(DocsfyClient client, Users.Created user) =>
        (await client.PostAsync($"/api/admin/projects/{Project}/access", DocsfyAppFixture.Admin,
            new { username = user.Username, owner = Owner.Username })).AssertStatus(HttpStatusCode.Created);

    public async Task RevokeAsync(DocsfyClient client, Users.Created user) =>
        (await client.SendAsync(HttpMethod.Delete, $"/api/admin/projects/{Project}/access/{user.Username}?owner={Owner.Username}",
            DocsfyAppFixture.Admin)).AssertStatus(HttpStatusCode.NoContent);

    public void Dispose() => _repository.Dispose();
}
