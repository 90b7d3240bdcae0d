using System.Text.Json;

namespace Docsfy.WorkerTests.Pipeline;

internal static class Plans
{
    /// <summary>An AI-style plan answer with <paramref name="pages"/> pages named page-1, page-2, ...</summary>
    public static string Json(int pages) => JsonSerializer.Serialize(new
    {
        project_name = "demo",
        tagline = "A demo project",
        repo_type = "library",
        navigation = new[]
        {
            new
            {
                group = "Guides",
                pages = Enumerable.Range(1, pages).Select(i => new
                {
                    slug = $"page-{i}",
                    title = $"Page {i}",
                    description = $"About part {i}",
                    type = "guide",
                }).ToArray(),
            },
        },
    });

    /// <summary>The slug a page prompt asks for, read back from the prompt's first line.</summary>
    public static string TitleIn(string prompt)
    {
        var start = prompt.IndexOf("page \"", StringComparison.Ordinal) + "page \"".Length;
        return prompt[start..prompt.IndexOf('"', start)];
    }
}
