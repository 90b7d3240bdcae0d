using System.Net;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Topology;

[Collection(DocsfyCollection.Name)]
public sealed class ReplicaTests(DocsfyAppFixture fixture)
{
    [Fact]
    public async Task Both_api_replicas_serve_requests_from_one_database()
    {
        // Every response names the replica that served it. A fresh connection per request lets the proxy in front of the
        // replicas choose again, so both must show up, each answering from the database (the user list is a query).
        var served = new HashSet<string>();
        for (var attempt = 0; attempt < 40 && served.Count < fixture.Host.ApiReplicas; attempt++)
        {
            using var client = fixture.Host.Client();
            var reply = (await client.GetAsync("/api/admin/users", DocsfyAppFixture.Admin)).AssertStatus(HttpStatusCode.OK);
            served.Add(reply.Header("X-Docsfy-Replica") ?? throw new Xunit.Sdk.XunitException("A response without X-Docsfy-Replica."));
        }
        Assert.Equal(2, served.Count);
    }
}
