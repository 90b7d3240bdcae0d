using System.CommandLine;
using System.Text.Json;
using Docsfy.Cli.Connection;
using Docsfy.Cli.Output;
using Spectre.Console;

namespace Docsfy.Cli.Projects;

/// <summary><c>docsfy models</c>: the providers this server can run, their default models and the models used so far.</summary>
public static class ModelsCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("models", "List the AI providers this server can run and their models");
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var models = await context.Api.GetAsync("api/models", cancellationToken);
            if (context.Json)
            {
                context.Terminal.Json(models);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("provider", "available", "default model", "models used");
            var details = models.GetProperty("provider_details");
            var known = models.GetProperty("known_models");
            foreach (var provider in models.GetProperty("providers").EnumerateArray().Select(p => p.GetString()!))
            {
                var detail = details.TryGetProperty(provider, out var d) ? d : default;
                var available = detail.ValueKind == JsonValueKind.Object && detail.GetProperty("available").GetBoolean();
                var reason = VariantId.Text(detail, "reason");
                var used = known.TryGetProperty(provider, out var list) && list.ValueKind == JsonValueKind.Array
                    ? string.Join(", ", list.EnumerateArray().Select(m => m.GetString())) : "";
                table.AddRow(new Text(provider), new Text(available ? "yes" : $"no{(reason is null ? "" : $": {reason}")}"),
                    new Text(VariantId.Text(detail, "default_model") ?? "—"), new Text(used));
            }
            context.Terminal.Out.Write(table);
            context.Terminal.Line($"Default: {VariantId.Text(models, "default_provider")}/{VariantId.Text(models, "default_model")}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
