using System.CommandLine;
using Docsfy.Cli.Output;

namespace Docsfy.Cli.Projects;

/// <summary>
/// The project argument and the options that narrow it to one variant. Any of them may be left out: what is given
/// must then match exactly one visible variant.
/// </summary>
public sealed class VariantOptions
{
    public Argument<string> Name { get; } = new("project") { Description = "The project (repository) name" };

    public Option<string?> Branch { get; } = new("--branch", "-b") { Description = "The variant's branch" };

    public Option<string?> Provider { get; } = new("--provider", "-p") { Description = "The variant's AI provider" };

    public Option<string?> Model { get; } = new("--model", "-m") { Description = "The variant's AI model" };

    public Option<string?> Owner { get; } = new("--owner") { Description = "The variant's owner (when several users have one)" };

    public void AddTo(Command command)
    {
        command.Add(Name);
        command.Add(Branch);
        command.Add(Provider);
        command.Add(Model);
        command.Add(Owner);
    }

    public VariantFilter Read(CommandContext context) => new(
        context.Value(Name), context.Value(Branch), context.Value(Provider), context.Value(Model), context.Value(Owner));
}
