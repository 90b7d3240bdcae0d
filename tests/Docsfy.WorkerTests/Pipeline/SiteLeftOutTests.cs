using Docsfy.Worker.Cloning;
using Docsfy.Worker.Pipeline;
using Docsfy.WorkerTests.Cloning;

namespace Docsfy.WorkerTests.Pipeline;

/// <summary>The run's result says what its site left out, briefly, and nothing when nothing was.</summary>
public sealed class SiteLeftOutTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly RepositorySnapshot _repository;

    public SiteLeftOutTests()
    {
        File.WriteAllText(_folder.Child("README.md"), "# Small\n");
        _repository = RepositorySnapshot.Read(new Checkout(_folder.Path, "0000000"));
    }

    [Fact]
    public void Nothing_left_out_says_nothing()
    {
        Assert.False(_repository.FilesTruncated);
        Assert.Null(SiteLeftOut.Describe(_repository, null, []));
        Assert.Null(SiteLeftOut.Describe(_repository, [], []));
    }

    [Fact]
    public void The_plans_cuts_come_first_then_the_images_with_the_first_few_named()
    {
        var text = SiteLeftOut.Describe(_repository, ["150 of 180 guides shown (the first in name order)"],
            ["a.png: one", "b.png: two", "c.png: three", "d.png: four", "e.png: five"]);

        Assert.Equal("150 of 180 guides shown (the first in name order); 5 referenced images not copied "
            + "(a.png: one; b.png: two; c.png: three; and 2 more).", text);
        Assert.Equal("1 referenced image not copied (a.png: gone).", SiteLeftOut.Describe(_repository, null, ["a.png: gone"]));
    }

    [Fact]
    public void A_long_account_is_cut_to_the_limit()
    {
        var text = SiteLeftOut.Describe(_repository, [new string('g', 2000)], [new string('i', 2000)]);

        Assert.Equal(SiteLeftOut.MaxLength, text!.Length);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
