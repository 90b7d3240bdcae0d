namespace Docsfy.Worker.Plans;

/// <summary>The AI's plan cannot be used; the message is safe to show users as the run's <c>error_message</c>.</summary>
public sealed class InvalidPlanException(string message) : Exception(message);
