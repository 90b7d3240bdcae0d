using System.CommandLine;
using Docsfy.Cli.Connection;
using Docsfy.Cli.Output;

namespace Docsfy.Cli.Projects;

/// <summary><c>docsfy delete</c>: one variant, or every variant of a project of one owner; asks first unless <c>--yes</c>.</summary>
public static class DeleteCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var variant = new VariantOptions();
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask first" };
        var command = new Command("delete", "Delete a variant and its site (or, with only the project named, all of the owner's variants)") { yes };
        variant.AddTo(command);
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var filter = variant.Read(context);
            string path;
            string what;
            if (filter.NamesProjectOnly)
            {
                // The caller's own unless --owner names another (which only admins may): the API needs admins to say
                // whose, so the CLI says "mine" for them rather than answering with the API's ?owner= parameter.
                var owner = filter.Owner ?? (await context.Api.GetAsync("api/auth/me", cancellationToken)).GetProperty("username").GetString();
                path = ApiPaths.WithOwner(ApiPaths.Project(filter.Name), owner);
                what = filter.Owner is null ? $"every variant of {filter.Name} you own" : $"every variant of {filter.Name} owned by {filter.Owner}";
            }
            else
            {
                var id = VariantId.FromRecord(await filter.ResolveAsync(context.Api, cancellationToken));
                path = ApiPaths.WithOwner(ApiPaths.Variant(id), id.Owner);
                what = id.ToString();
            }
            if (!await Confirmation.ConfirmedAsync(context, context.Value(yes), what, $"Delete {what} and its published site?", cancellationToken))
            {
                return ExitCodes.Ok;
            }
            await context.Api.SendAsync(HttpMethod.Delete, path, null, cancellationToken);
            context.Report(new { deleted = what }, $"Deleted {what}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
