using Docsfy.Worker.Plans;

namespace Docsfy.WorkerTests.Rendering;

/// <summary>A small plan and its pages, shaped like a real generation's output.</summary>
internal static class SampleSite
{
    public static DocumentationPlan Plan { get; } = new("Docsfy", "Docs from git repositories", "app",
    [
        new PlanGroup("Getting started",
        [
            new PlanPage("intro", "Introduction", "What Docsfy is and who it is for", "guide"),
            new PlanPage("install", "Installation", "Install and run it locally", "guide"),
        ]),
        new PlanGroup("Reference",
        [
            new PlanPage("config", "Configuration", "Every setting", "reference"),
        ]),
    ]);

    public static Dictionary<string, string> Markdown { get; } = new()
    {
        ["intro"] = "# Introduction\n\nDocsfy turns repositories into sites. See [Installation](install.md).\n\n## Why\n\nBecause.\n\n### Details\n\nMore.\n",
        ["install"] = "# Installation\n\n## Requirements\n\n- .NET 10\n\n## Run\n\n```bash\ndotnet run\n```\n",
        ["config"] = "Settings live in `appsettings.json`.\n\n## Options\n\n| Name | Default |\n|---|---|\n| `Port` | 8080 |\n",
    };
}
