using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Text;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.Docs;

/// <summary>Downloads: a valid, deterministic <c>.tar.gz</c> of the published site, for those who may see it.</summary>
[Collection(DocsfyCollection.Name)]
public sealed class DownloadTests(DocsfyAppFixture fixture)
{
    [Fact]
    public async Task A_published_site_downloads_as_a_tar_gz_with_one_top_folder()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "dl-owner", "user");
        var grantee = await Users.CreateAsync(client, "dl-grantee", "viewer");
        var outsider = await Users.CreateAsync(client, "dl-out", "user");
        var name = DocsfyAppFixture.UniqueName("dl");
        var id = await VariantRows.InsertAsync(fixture.Host, name, owner.Username, provider: "openai", model: "llama3.1:8b");
        var binary = Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray();
        await SiteFiles.PublishAsync(fixture.Host, id, null,
            SiteFiles.File.Text("index.html", "text/html", "<h1>home</h1>"),
            SiteFiles.File.Text("guide.html", "text/html", "<h1>guide</h1>"),
            new SiteFiles.File("assets/logo.png", "image/png", binary),
            SiteFiles.File.Text("../outside.txt", "text/plain", "must not be extracted"));
        (await client.PostAsync($"/api/admin/projects/{name}/access", DocsfyAppFixture.Admin,
            new { username = grantee.Username, owner = owner.Username })).AssertStatus(HttpStatusCode.Created);

        var path = $"/api/projects/{name}/main/openai/llama3.1:8b/download";
        var reply = (await client.GetAsync(path, owner.Bearer)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("application/gzip", reply.Header("Content-Type"));
        var folder = $"{name}-main-openai-llama3.1_8b";
        Assert.Equal($"attachment; filename=\"{folder}.tar.gz\"", reply.Header("Content-Disposition"));

        var entries = ReadArchive(reply.Bytes);
        Assert.Equal([$"{folder}/assets/logo.png", $"{folder}/guide.html", $"{folder}/index.html"], entries.Keys);
        Assert.Equal(binary, entries[$"{folder}/assets/logo.png"]);
        Assert.Equal("<h1>home</h1>", Encoding.UTF8.GetString(entries[$"{folder}/index.html"]));

        // The same site gives the same bytes, from whichever replica answers; the newest-site route gives the same archive.
        Assert.Equal(reply.Bytes, (await client.GetAsync(path, grantee.Bearer)).AssertStatus(HttpStatusCode.OK).Bytes);
        Assert.Equal(reply.Bytes, (await client.GetAsync($"/api/projects/{name}/download", owner.Bearer)).Bytes);

        (await client.GetAsync(path, outsider.Bearer)).AssertError(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/projects/{name}/download", outsider.Bearer)).AssertError(HttpStatusCode.NotFound);
        (await client.GetAsync(path)).AssertError(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Variants_without_a_published_site_and_bad_names_are_clear_4xx()
    {
        using var client = fixture.Host.Client();
        var owner = await Users.CreateAsync(client, "dl-none", "user");
        var name = DocsfyAppFixture.UniqueName("dl-none");
        await VariantRows.InsertAsync(fixture.Host, name, owner.Username, status: "generating");

        (await client.GetAsync($"/api/projects/{name}/main/cursor/gpt-5/download", owner.Bearer)).AssertError(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/projects/{name}/download", owner.Bearer)).AssertError(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/projects/{name}/download?owner=bad%20owner", owner.Bearer)).AssertError(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/projects/bad..name/download", owner.Bearer)).AssertError(HttpStatusCode.BadRequest);
        (await client.GetAsync($"/api/projects/{name}/feature..x/cursor/gpt-5/download", owner.Bearer)).AssertError(HttpStatusCode.BadRequest);
    }

    /// <summary>Every entry of a .tar.gz by name; fails on anything but a regular file.</summary>
    private static SortedDictionary<string, byte[]> ReadArchive(byte[] archive)
    {
        var entries = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        using var gzip = new GZipStream(new MemoryStream(archive), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            Assert.Equal(TarEntryType.RegularFile, entry.EntryType);
            using var content = new MemoryStream();
            entry.DataStream?.CopyTo(content);
            entries.Add(entry.Name, content.ToArray());
        }
        return entries;
    }
}
