using System.Net;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Topology;

/// <summary>Local mode keeps its data in a folder: what was created before a stop is there after the next start.</summary>
public sealed class PersistenceTests
{
    [Fact]
    public async Task A_user_created_before_a_restart_can_log_in_after_it()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"docsfy-persist-{Guid.NewGuid():N}");
        try
        {
            Users.Created user;
            await using (var first = await DocsfyAppHost.StartAsync(apiReplicas: 1, dataDirectory))
            {
                using var client = first.Client();
                user = await Users.CreateAsync(client, "survivor", "user");
                await client.LoginAsync(user.Username, user.ApiKey);
            }

            await using var second = await DocsfyAppHost.StartAsync(apiReplicas: 1, dataDirectory);
            using var again = second.Client();
            await again.LoginAsync(user.Username, user.ApiKey);
            var me = await again.GetAsync("/api/auth/me", user.Bearer);
            me.AssertStatus(HttpStatusCode.OK);
            Assert.Equal("user", me.String("role"));
        }
        finally
        {
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A process of the stopped app host may still hold a file for a moment; the folder is in /tmp.
            }
        }
    }
}
