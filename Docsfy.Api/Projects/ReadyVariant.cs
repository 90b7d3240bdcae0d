namespace Docsfy.Api.Projects;

/// <summary>The identifying fields of a ready variant, which is all the <c>known_*</c> maps are built from.</summary>
public sealed record ReadyVariant(string Name, string Branch, string AiProvider, string AiModel, string Owner);
