using System.Text;
using Docsfy.Api.Generation.Events;

namespace Docsfy.UnitTests.Generation;

/// <summary>Worker events as MassTransit puts them on the wire, and everything else a partition queue could receive.</summary>
public sealed class RunEventReaderTests
{
    private const string Variant = """{"name":"widget","branch":"main","provider":"claude","model":"opus","owner":"ada"}""";
    private const string RunId = "5b0e7a4c-2d1f-4b8e-9c61-0f5a3e2d1c7b";

    private static string Envelope(string type, string message) =>
        $$"""{"messageId":"x","messageType":["urn:message:Docsfy.Contracts:{{type}}"],"message":{{message}}}""";

    private static RunEvent? Read(string body, out string? problem) => RunEventReader.Read(Encoding.UTF8.GetBytes(body), 7, out problem);

    [Fact]
    public void Progress_terminal_status_and_heartbeat_are_read_with_their_delivery_tag()
    {
        var progress = Read(Envelope("GenerationProgressed",
            $$"""{"variant":{{Variant}},"runId":"{{RunId}}","sequence":4,"stage":"planning","pageCount":2,"planJson":"{}","errorMessage":null}"""),
            out var problem);
        Assert.Null(problem);
        Assert.Equal(7UL, progress!.DeliveryTag);
        Assert.Equal(("planning", 4L, 2, "ada"), (progress.Progress!.Stage, progress.Progress.Sequence, progress.Progress.PageCount,
            progress.Progress.Variant.Owner));

        var finished = Read(Envelope("GenerationFinished",
            $$"""{"variant":{{Variant}},"runId":"{{RunId}}","sequence":9,"status":"ready","pageCount":3,"commitSha":"abc","upToDate":false}"""),
            out problem);
        Assert.Null(problem);
        Assert.Equal("ready", finished!.Finished!.Status);

        var heartbeat = Read(Envelope("GenerationHeartbeat", $$"""{"runId":"{{RunId}}","workerId":"w"}"""), out problem);
        Assert.Null(problem);
        Assert.Equal(Guid.Parse(RunId), heartbeat!.Heartbeat!.RunId);
    }

    [Theory]
    [InlineData("not json", "malformed JSON")]
    [InlineData("[1,2]", "not a MassTransit envelope")]
    [InlineData("""{"message":{}}""", "not a MassTransit envelope")]
    [InlineData("""{"messageType":["urn:message:Other:Thing"],"message":{}}""", "unknown message type")]
    [InlineData("""{"messageType":["urn:message:Docsfy.Contracts:GenerationProgressed"],"message":{"runId":"5b0e7a4c-2d1f-4b8e-9c61-0f5a3e2d1c7b"}}""",
        "incomplete progress")]
    [InlineData("""{"messageType":["urn:message:Docsfy.Contracts:GenerationFinished"],"message":{"sequence":1}}""",
        "incomplete terminal status")]
    [InlineData("""{"messageType":["urn:message:Docsfy.Contracts:GenerationHeartbeat"],"message":{"workerId":"w"}}""",
        "incomplete heartbeat")]
    [InlineData("""{"messageType":["urn:message:Docsfy.Contracts:GenerationProgressed"],"message":{"sequence":"many"}}""",
        "malformed JSON")]
    public void Anything_else_is_refused_with_a_reason(string body, string reason)
    {
        Assert.Null(Read(body, out var problem));
        Assert.Equal(reason, problem);
    }

    [Fact]
    public void An_event_that_breaks_the_rules_is_refused_with_the_rule()
    {
        Assert.Null(Read(Envelope("GenerationProgressed",
            $$"""{"variant":{{Variant}},"runId":"{{RunId}}","sequence":4,"stage":"Dreaming!","pageCount":2}"""), out var problem));
        Assert.Equal("malformed stage name", problem);

        Assert.Null(Read(Envelope("GenerationProgressed",
            $$"""{"variant":{{Variant}},"runId":"{{RunId}}","sequence":4,"stage":"planning","pageCount":2,"planJson":"a\u0000b"}"""),
            out problem));
        Assert.Equal("NUL character in text", problem);
    }

    [Fact]
    public void Attempts_are_read_an_event_without_one_is_a_first_attempt_and_a_hand_back_names_its_attempt()
    {
        var old = Read(Envelope("GenerationHeartbeat", $$"""{"runId":"{{RunId}}","workerId":"w"}"""), out var problem);
        Assert.Null(problem);
        Assert.Equal(1, old!.Heartbeat!.Attempt);

        var progress = Read(Envelope("GenerationProgressed",
            $$"""{"variant":{{Variant}},"runId":"{{RunId}}","sequence":4,"stage":"planning","pageCount":2,"attempt":3}"""), out problem);
        Assert.Null(problem);
        Assert.Equal(3, progress!.Progress!.Attempt);

        var handedBack = Read(Envelope("GenerationHandedBack", $$"""{"runId":"{{RunId}}","attempt":2,"workerId":"host-1-ab"}"""),
            out problem);
        Assert.Null(problem);
        Assert.Equal((Guid.Parse(RunId), 2), (handedBack!.HandedBack!.RunId, handedBack.HandedBack.Attempt));
    }

    [Theory]
    [InlineData("GenerationProgressed", """"{"variant":VARIANT,"runId":"RUN","sequence":4,"stage":"planning","pageCount":2,"attempt":0}"""",
        "non-positive attempt")]
    [InlineData("GenerationFinished", """"{"variant":VARIANT,"runId":"RUN","sequence":9,"status":"error","pageCount":0,"attempt":-1}"""",
        "non-positive attempt")]
    [InlineData("GenerationHeartbeat", """"{"runId":"RUN","workerId":"w","attempt":0}"""", "non-positive attempt")]
    [InlineData("GenerationHandedBack", """"{"runId":"RUN","attempt":0,"workerId":"w"}"""", "non-positive attempt")]
    [InlineData("GenerationHandedBack", """"{"runId":"RUN","attempt":1}"""", "malformed worker id")]
    [InlineData("GenerationHandedBack", """"{"attempt":1,"workerId":"w"}"""", "incomplete hand-back")]
    public void An_event_without_a_real_attempt_is_refused(string type, string message, string reason)
    {
        Assert.Null(Read(Envelope(type, message.Replace("VARIANT", Variant).Replace("RUN", RunId)), out var problem));
        Assert.Equal(reason, problem);
    }
}
