namespace Docsfy.Worker.Generation;

/// <summary>Tag names of a run's spans (OpenTelemetry's GenAI conventions for the provider, model and tokens).</summary>
public static class RunTraceTags
{
    public const string RunId = "docsfy.run_id";
    public const string Project = "docsfy.project";
    public const string Stage = "docsfy.stage";
    public const string Status = "docsfy.status";
    public const string Provider = "gen_ai.system";
    public const string Model = "gen_ai.request.model";
    public const string InputTokens = "gen_ai.usage.input_tokens";
    public const string OutputTokens = "gen_ai.usage.output_tokens";
}
