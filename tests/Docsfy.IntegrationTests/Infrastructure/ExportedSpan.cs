namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>One span as a service exported it over OTLP (ids in lower-case hex, string attributes only).</summary>
public sealed record ExportedSpan(string Service, string Scope, string TraceId, string SpanId, string ParentSpanId, string Name,
    IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<string> LinkedTraceIds);
