using System.Text.Json;
using Docsfy.Worker.Plans;

namespace Docsfy.WorkerTests;

public sealed class PlanShapeTests
{
    [Fact]
    public void A_plan_round_trips_with_the_spec_field_names()
    {
        var plan = new DocumentationPlan("docsfy", "Docs from repos", "app",
            [new PlanGroup("Start", [new PlanPage("intro", "Introduction", "What it is", "guide")])]);

        var json = JsonSerializer.Serialize(plan);

        Assert.Equal("""{"project_name":"docsfy","tagline":"Docs from repos","repo_type":"app","navigation":[{"group":"Start","pages":[{"slug":"intro","title":"Introduction","description":"What it is","type":"guide"}]}]}""", json);
        Assert.Equal(["intro"], JsonSerializer.Deserialize<DocumentationPlan>(json)!.Pages.Select(p => p.Slug));
    }
}
