using Docsfy.Worker.Cloning;

namespace Docsfy.WorkerTests.Cloning;

public sealed class NaturalComparerTests
{
    [Fact]
    public void Numbers_are_ordered_by_value_letters_without_case_and_ties_stay_stable()
    {
        string[] names = ["Topic 10", "topic 2", "Topic 1", "topic-02b", "a", "B", "Topic 2", "x100", "x9", "x0010", ""];

        var ordered = names.Order(NaturalComparer.Instance).ToList();

        Assert.Equal(["", "a", "B", "Topic 1", "Topic 2", "topic 2", "Topic 10", "topic-02b", "x9", "x0010", "x100"], ordered);
        Assert.Equal(0, NaturalComparer.Instance.Compare("same", "same"));
        Assert.True(NaturalComparer.Instance.Compare("doc2", "doc02") != 0, "different names must not compare equal");
    }
}
