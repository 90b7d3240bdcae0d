using Docsfy.Worker.Pipeline;

namespace Docsfy.WorkerTests.Pipeline;

public sealed class TextEditsTests
{
    [Fact]
    public void A_replacements_object_is_read_as_edits_in_order()
    {
        var edits = TextEdits.Parse("""{"replacements": [{"old": "v1", "new": "v2"}, {"old": "a\nb", "new": ""}]}""", out var malformed);

        Assert.False(malformed);
        Assert.Equal([new TextEdit("v1", "v2"), new TextEdit("a\nb", "")], edits);
    }

    [Fact]
    public void Prose_fences_and_reasoning_around_the_object_are_ignored()
    {
        var answer = "<think>which lines?</think>Here are the edits:\n```json\n{\"replacements\": [{\"old\": \"x\", \"new\": \"y\"}]}\n```\nDone.";

        var edits = TextEdits.Parse(answer, out var malformed);

        Assert.False(malformed);
        Assert.Equal([new TextEdit("x", "y")], edits);
    }

    [Fact]
    public void An_empty_replacements_list_is_no_edit_at_all()
    {
        var edits = TextEdits.Parse("""{"replacements": []}""", out var malformed);

        Assert.False(malformed);
        Assert.NotNull(edits);
        Assert.Empty(edits);
    }

    [Theory]
    [InlineData("# Page\n\nA whole new page.")]
    [InlineData("I could not work out what to change.")]
    [InlineData("""{"edits": [{"old": "x", "new": "y"}]}""")]
    [InlineData("""[{"old": "x", "new": "y"}]""")]
    [InlineData("")]
    [InlineData(null)]
    public void An_answer_that_is_not_a_replacements_object_is_not_edits(string? answer)
    {
        Assert.Null(TextEdits.Parse(answer, out var malformed));
        Assert.False(malformed);
    }

    [Theory]
    [InlineData("""{"replacements": {"old": "x", "new": "y"}}""")]
    [InlineData("""{"replacements": "x"}""")]
    [InlineData("""{"replacements": [{"old": "x"}]}""")]
    [InlineData("""{"replacements": [{"new": "y"}]}""")]
    [InlineData("""{"replacements": [{"old": 1, "new": "y"}]}""")]
    [InlineData("""{"replacements": [{"old": "x", "new": null}]}""")]
    [InlineData("""{"replacements": [{"old": "x", "new": "y"}, "z"]}""")]
    public void A_replacements_object_of_the_wrong_shape_is_malformed_and_yields_no_edit(string answer)
    {
        var edits = TextEdits.Parse(answer, out var malformed);

        Assert.True(malformed);
        Assert.NotNull(edits);
        Assert.Empty(edits);
    }

    [Fact]
    public void More_edits_than_the_limit_are_malformed()
    {
        static string Answer(int count) => System.Text.Json.JsonSerializer.Serialize(new
        {
            replacements = Enumerable.Range(0, count).Select(i => new { old = $"o{i}", @new = $"n{i}" }),
        });

        Assert.Equal(TextEdits.MaxEdits, TextEdits.Parse(Answer(TextEdits.MaxEdits), out var atLimit)!.Count);
        Assert.False(atLimit);
        Assert.Empty(TextEdits.Parse(Answer(TextEdits.MaxEdits + 1), out var overLimit)!);
        Assert.True(overLimit);
    }

    [Fact]
    public void Edits_that_each_occur_once_are_all_applied()
    {
        var text = "# Title\n\nRun `tool --old`.\n\nVersion 1.\n";

        var edited = TextEdits.TryApply(text, [new("--old", "--new"), new("Version 1.", "Version 2.")]);

        Assert.Equal("# Title\n\nRun `tool --new`.\n\nVersion 2.\n", edited);
    }

    [Fact]
    public void The_order_of_the_edits_does_not_matter()
    {
        var text = "alpha beta gamma";
        TextEdit[] edits = [new("alpha", "A"), new("beta", "BB"), new("gamma", "")];

        Assert.Equal("A BB ", TextEdits.TryApply(text, edits));
        Assert.Equal("A BB ", TextEdits.TryApply(text, [.. edits.Reverse()]));
    }

    [Fact]
    public void Edits_apply_to_the_original_text_not_to_each_other()
    {
        // The second old text only appears once the first edit is made: it must not be found.
        Assert.Null(TextEdits.TryApply("one two", [new("one", "three"), new("three", "four")]));
        // A new text that reintroduces an old one is left alone.
        Assert.Equal("b b", TextEdits.TryApply("a b", [new("a", "b")]));
    }

    [Fact]
    public void Adjacent_edits_that_do_not_overlap_are_applied()
    {
        Assert.Equal("XY-", TextEdits.TryApply("abcd-", [new("cd", "Y"), new("ab", "X")]));
    }

    [Fact]
    public void No_edits_leave_the_text_as_it_is()
    {
        Assert.Equal("same", TextEdits.TryApply("same", []));
    }

    [Theory]
    [InlineData("missing")] // not in the text
    [InlineData("line")] // twice
    [InlineData("aa")] // in "aaa" at 0 and, overlapping itself, at 1
    [InlineData("")] // empty: would match anywhere
    public void An_old_text_that_does_not_occur_exactly_once_refuses_every_edit(string old)
    {
        var text = "first line\nsecond line\naaa\n";

        Assert.Null(TextEdits.TryApply(text, [new("first", "1st"), new(old, "x")]));
    }

    [Theory]
    [InlineData("abc", "bcd")] // partly overlapping
    [InlineData("abcdef", "cd")] // one inside the other
    [InlineData("bc", "bc")] // the same text twice
    public void Overlapping_edits_are_refused(string first, string second)
    {
        Assert.Null(TextEdits.TryApply("abcdefg", [new(first, "1"), new(second, "2")]));
        Assert.Null(TextEdits.TryApply("abcdefg", [new(second, "2"), new(first, "1")]));
    }

    [Fact]
    public void Matching_is_exact_and_case_sensitive()
    {
        Assert.Null(TextEdits.TryApply("Hello world", [new("hello", "Bye")]));
        Assert.Equal("Bye world", TextEdits.TryApply("Hello world", [new("Hello", "Bye")]));
    }
}
