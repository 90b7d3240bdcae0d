using System.CommandLine;
using Docsfy.Cli.Connection;
using Docsfy.Cli.Output;

namespace Docsfy.Cli.Projects;

/// <summary><c>docsfy download</c>: a published site as <c>.tar.gz</c>, or unpacked with <c>--extract DIR</c>.</summary>
public static class DownloadCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var variant = new VariantOptions();
        var output = new Option<string?>("--output", "-o") { Description = "Where to save the archive (default: the server's file name in this folder)" };
        var extract = new Option<string?>("--extract") { Description = "Unpack the site into this new or empty folder instead of saving the archive" };
        var command = new Command("download", "Download a published site (the newest of the project unless narrowed)") { output, extract };
        command.Validators.Add(result =>
        {
            if (result.GetResult(output) is not null && result.GetResult(extract) is not null)
            {
                result.AddError("--output and --extract cannot be used together.");
            }
        });
        variant.AddTo(command);
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var filter = variant.Read(context);
            string path;
            if (filter.NamesProjectOnly)
            {
                path = ApiPaths.WithOwner($"{ApiPaths.Project(filter.Name)}/download", filter.Owner);
            }
            else
            {
                var id = VariantId.FromRecord(await filter.ResolveAsync(context.Api, cancellationToken));
                path = ApiPaths.WithOwner($"{ApiPaths.Variant(id)}/download", id.Owner);
            }

            // Downloaded to a private temporary file first: a failed download leaves no partial archive or folder.
            var temporary = Path.GetTempFileName();
            try
            {
                string? suggested;
                await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite))
                {
                    suggested = await context.Api.DownloadAsync(path, file, cancellationToken);
                    if (context.Value(extract) is { } folder)
                    {
                        file.Position = 0;
                        var files = await new ArchiveExtractor().ExtractAsync(file, folder, cancellationToken);
                        context.Report(new { extracted = Path.GetFullPath(folder), files }, $"Extracted {files} files into {folder}.");
                        return ExitCodes.Ok;
                    }
                }
                var target = context.Value(output) ?? SafeFileName(suggested) ?? $"{filter.Name}.tar.gz";
                File.Move(temporary, target, overwrite: context.Value(output) is not null);
                context.Report(new { saved = Path.GetFullPath(target), bytes = new FileInfo(target).Length }, $"Saved {target}.");
                return ExitCodes.Ok;
            }
            finally
            {
                File.Delete(temporary);
            }
        });
        return command;
    }

    /// <summary>The server's suggested name, only as a plain file name in this folder (never a path).</summary>
    public static string? SafeFileName(string? suggested) =>
        suggested is { Length: > 0 and <= 255 } && Path.GetFileName(suggested) == suggested && suggested is not ("." or "..")
        && !suggested.StartsWith('.') && suggested.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            ? suggested
            : null;
}
