namespace Docsfy.Api.Data;

/// <summary>
/// What a run leaves in PostgreSQL besides the variant row: its site files and its page cache. Both go once no variant
/// refers to the run any more, as its current run or as the one it publishes (a replacement may publish a run it
/// shares with the variant it replaced, so a run is never deleted just because one variant referring to it is).
/// </summary>
public static class RunFiles
{
    /// <summary>SQL deleting the files of the runs in the <c>uuid[]</c> parameter <c>@runs</c> that nothing refers to.</summary>
    public const string DeleteUnreferenced = """
        delete from site_files f
        where f.generation_id = any(@runs)
          and not exists (select 1 from variants v
                          where v.generation_id = f.generation_id or v.published_generation_id = f.generation_id);
        delete from page_cache p
        where p.generation_id = any(@runs)
          and not exists (select 1 from variants v
                          where v.generation_id = p.generation_id or v.published_generation_id = p.generation_id);
        """;
}
