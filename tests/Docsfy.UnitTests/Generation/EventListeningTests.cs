using Docsfy.Api.Generation.Events;
using Microsoft.Extensions.Time.Testing;

namespace Docsfy.UnitTests.Generation;

public sealed class EventListeningTests
{
    [Fact]
    public void Listening_counts_from_the_latest_connection_and_is_zero_before_one_and_while_it_is_closed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var listening = new EventListening(time);
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(TimeSpan.Zero, listening.ListeningFor);

        var open = true;
        listening.Connected(() => open);
        time.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(TimeSpan.FromSeconds(90), listening.ListeningFor);

        // The broker went away: nothing could be heard, however long ago the connection opened.
        open = false;
        Assert.Equal(TimeSpan.Zero, listening.ListeningFor);

        // Back on a new connection: the clock starts again.
        time.Advance(TimeSpan.FromMinutes(3));
        listening.Connected(() => true);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(10), listening.ListeningFor);
    }
}
