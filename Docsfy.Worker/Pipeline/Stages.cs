namespace Docsfy.Worker.Pipeline;

/// <summary>The <c>current_stage</c> values of the WebSocket reference, in pipeline order.</summary>
public static class Stages
{
    public const string Cloning = "cloning";
    public const string Planning = "planning";
    public const string IncrementalPlanning = "incremental_planning";
    public const string GeneratingPages = "generating_pages";
    public const string Validating = "validating";
    public const string CrossLinking = "cross_linking";
    public const string Rendering = "rendering";
}
