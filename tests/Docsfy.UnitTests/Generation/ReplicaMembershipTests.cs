using Docsfy.Api.Generation.Events;
using Docsfy.Api.Hub;
using Docsfy.Contracts;
using Microsoft.Extensions.Time.Testing;

namespace Docsfy.UnitTests.Generation;

public sealed class ReplicaMembershipTests
{
    [Fact]
    public void Replicas_not_heard_from_for_three_announcements_are_gone_and_this_one_is_always_alive()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var membership = new ReplicaMembership(time);
        membership.Heard("zzz");
        membership.Heard("000");
        Assert.Equal(["000", ReplicaIdentity.Id, "zzz"], membership.Alive());

        time.Advance(ReplicaMembership.Lifetime - TimeSpan.FromSeconds(1));
        membership.Heard("zzz");
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal([ReplicaIdentity.Id, "zzz"], membership.Alive());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_partition_is_preferred_by_exactly_one_live_replica(int replicas)
    {
        var alive = Enumerable.Range(0, replicas).Select(i => $"replica-{i}").ToList();
        for (var partition = 0; partition < RunEventQueues.Count; partition++)
        {
            Assert.Single(alive, id => ReplicaMembership.Prefers(alive, id, partition));
        }
        var shares = alive.Select(id => Enumerable.Range(0, RunEventQueues.Count).Count(p => ReplicaMembership.Prefers(alive, id, p)));
        Assert.True(shares.Max() - shares.Min() <= 1);
    }
}
