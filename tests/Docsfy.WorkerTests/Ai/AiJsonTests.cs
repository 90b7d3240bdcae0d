using System.Text.Json;
using Docsfy.Worker.Ai;

namespace Docsfy.WorkerTests.Ai;

public sealed class AiJsonTests
{
    [Fact]
    public void A_bare_json_answer_is_parsed()
    {
        var json = AiJson.Extract("""  {"a": 1}  """);

        Assert.Equal(1, json?.GetProperty("a").GetInt32());
    }

    [Fact]
    public void A_json_fence_is_preferred_over_other_json_in_the_prose()
    {
        var answer = """
            Here is an example shape {"a": 0} and below the real plan.
            ```
            {"a": 2}
            ```
            ```json
            {"a": 1}
            ```
            """;

        Assert.Equal(1, AiJson.Extract(answer)?.GetProperty("a").GetInt32());
    }

    [Fact]
    public void An_unlabelled_fence_is_used_when_there_is_no_json_fence()
    {
        var answer = "Sure!\n```\n[\"intro\", \"api\"]\n```\nLet me know.";

        Assert.Equal(["intro", "api"], AiJson.Extract(answer)!.Value.EnumerateArray().Select(item => item.GetString()));
    }

    [Fact]
    public void Json_inside_prose_is_found_with_braces_inside_strings()
    {
        var answer = """I looked at the code. The plan: {"title": "Use } and { and \" in text", "n": [1, {"x": "]"}]} Hope it helps {""";

        var json = AiJson.Extract(answer);

        Assert.Equal("Use } and { and \" in text", json?.GetProperty("title").GetString());
        Assert.Equal(2, json?.GetProperty("n").GetArrayLength());
    }

    [Fact]
    public void Think_blocks_are_ignored()
    {
        var answer = """
            <think>The user wants {"a": 0}. Maybe ```json {"a": -1}``` ...</think>
            {"a": 1}
            """;

        Assert.Equal(1, AiJson.Extract(answer)?.GetProperty("a").GetInt32());
    }

    [Fact]
    public void Reasoning_before_a_lone_closing_tag_is_ignored()
    {
        Assert.Equal(1, AiJson.Extract("""so {"a": 0} maybe</think>{"a": 1}""")?.GetProperty("a").GetInt32());
        Assert.Equal("Answer", AiJson.StripThinking("<thinking>hmm</thinking>Answer"));
    }

    [Fact]
    public void The_wanted_kind_skips_other_json()
    {
        var answer = """Context: {"changed": 3}. Pages to regenerate: ["intro"]""";

        Assert.Equal(JsonValueKind.Array, AiJson.Extract(answer, JsonValueKind.Array)?.ValueKind);
        Assert.Equal(JsonValueKind.Object, AiJson.Extract(answer, JsonValueKind.Object)?.ValueKind);
    }

    [Fact]
    public void A_value_nested_in_json_of_the_wrong_kind_is_not_the_answer()
    {
        var answer = """Result: {"unchanged": ["intro", "api"]} and nothing else.""";

        Assert.Null(AiJson.Extract(answer, JsonValueKind.Array));
    }

    [Fact]
    public void Stray_brackets_in_prose_do_not_hide_later_json()
    {
        var answer = """Step [one] of {the} plan: ["a", "b"]""";

        Assert.Equal(2, AiJson.Extract(answer, JsonValueKind.Array)?.GetArrayLength());
    }

    [Fact]
    public void Trailing_commas_and_comments_are_tolerated()
    {
        Assert.Equal(1, AiJson.Extract("{\n  // the answer\n  \"a\": 1,\n}")?.GetProperty("a").GetInt32());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("I could not find anything to document.")]
    [InlineData("{ this is not json }")]
    [InlineData("\"just a string\"")]
    [InlineData("42")]
    [InlineData("{\"a\": 1")]
    [InlineData("<think>{\"a\": 1}</think> nothing here")]
    public void Answers_without_json_give_null(string? answer)
    {
        Assert.Null(AiJson.Extract(answer));
    }

    [Fact]
    public void A_huge_answer_of_stray_brackets_is_rejected_quickly()
    {
        var answer = string.Concat(Enumerable.Repeat("{[ ", 200_000));
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        Assert.Null(AiJson.Extract(answer));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"took {stopwatch.Elapsed}");
    }
}
