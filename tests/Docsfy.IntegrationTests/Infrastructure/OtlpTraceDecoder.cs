namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>
/// Reads the spans out of an OTLP/HTTP protobuf <c>ExportTraceServiceRequest</c> by walking the protobuf wire format for
/// the few fields the tests need (opentelemetry-proto's trace.proto): resource_spans(1) → resource(1).attributes(1) and
/// scope_spans(2) → scope(1).name(1), spans(2) → trace_id(1), span_id(2), parent_span_id(4), name(5), attributes(9),
/// links(13).trace_id(1). Every other field is skipped by its wire type.
/// </summary>
public static class OtlpTraceDecoder
{
    public static IReadOnlyList<ExportedSpan> Decode(ReadOnlySpan<byte> request)
    {
        var spans = new List<ExportedSpan>();
        foreach (var (field, resourceSpans) in Fields(request))
        {
            if (field == 1)
            {
                DecodeResourceSpans(resourceSpans.Span, spans);
            }
        }
        return spans;
    }

    private static void DecodeResourceSpans(ReadOnlySpan<byte> message, List<ExportedSpan> spans)
    {
        var service = "";
        var scopes = new List<ReadOnlyMemory<byte>>();
        foreach (var (field, value) in Fields(message))
        {
            if (field == 1)
            {
                service = Attributes(value.Span).GetValueOrDefault("service.name", "");
            }
            else if (field == 2)
            {
                scopes.Add(value);
            }
        }
        foreach (var scopeSpans in scopes)
        {
            var scope = "";
            foreach (var (field, value) in Fields(scopeSpans.Span))
            {
                if (field == 1)
                {
                    scope = Text(Fields(value.Span).FirstOrDefault(f => f.Field == 1).Value);
                }
                else if (field == 2)
                {
                    spans.Add(DecodeSpan(service, scope, value.Span));
                }
            }
        }
    }

    private static ExportedSpan DecodeSpan(string service, string scope, ReadOnlySpan<byte> message)
    {
        string traceId = "", spanId = "", parentSpanId = "", name = "";
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var links = new List<string>();
        foreach (var (field, value) in Fields(message))
        {
            switch (field)
            {
                case 1: traceId = Convert.ToHexStringLower(value.Span); break;
                case 2: spanId = Convert.ToHexStringLower(value.Span); break;
                case 4: parentSpanId = Convert.ToHexStringLower(value.Span); break;
                case 5: name = Text(value); break;
                case 9: AddAttribute(value.Span, attributes); break;
                case 13: links.Add(Convert.ToHexStringLower(Fields(value.Span).FirstOrDefault(f => f.Field == 1).Value.Span)); break;
            }
        }
        return new ExportedSpan(service, scope, traceId, spanId, parentSpanId, name, attributes, links);
    }

    private static Dictionary<string, string> Attributes(ReadOnlySpan<byte> resource)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, value) in Fields(resource))
        {
            if (field == 1)
            {
                AddAttribute(value.Span, attributes);
            }
        }
        return attributes;
    }

    /// <summary>A <c>KeyValue</c>: key(1), value(2) an <c>AnyValue</c> whose string_value is field 1.</summary>
    private static void AddAttribute(ReadOnlySpan<byte> keyValue, Dictionary<string, string> into)
    {
        string? key = null, text = null;
        foreach (var (field, value) in Fields(keyValue))
        {
            if (field == 1)
            {
                key = Text(value);
            }
            else if (field == 2)
            {
                var stringValue = Fields(value.Span).FirstOrDefault(f => f.Field == 1);
                text = stringValue.Field == 1 ? Text(stringValue.Value) : null;
            }
        }
        if (key is not null && text is not null)
        {
            into[key] = text;
        }
    }

    private static string Text(ReadOnlyMemory<byte> bytes) => System.Text.Encoding.UTF8.GetString(bytes.Span);

    /// <summary>The length-delimited fields of a message (numbers and fixed-width values are skipped).</summary>
    private static List<(int Field, ReadOnlyMemory<byte> Value)> Fields(ReadOnlySpan<byte> message)
    {
        var fields = new List<(int, ReadOnlyMemory<byte>)>();
        var position = 0;
        while (position < message.Length)
        {
            var key = ReadVarint(message, ref position);
            var field = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case 0: ReadVarint(message, ref position); break;
                case 1: position += 8; break;
                case 5: position += 4; break;
                case 2:
                    var length = checked((int)ReadVarint(message, ref position));
                    fields.Add((field, message.Slice(position, length).ToArray()));
                    position += length;
                    break;
                default: throw new FormatException($"Unsupported protobuf wire type {key & 7}.");
            }
        }
        return fields;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> message, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = message[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
        throw new FormatException("A protobuf varint longer than 10 bytes.");
    }
}
