using System.Globalization;
using System.Text.Json;

namespace Docsfy.IntegrationTests.Infrastructure;

/// <summary>
/// Checks a JSON value against a schema of an OpenAPI 3.1 document, for the keywords that document uses: <c>$ref</c>
/// (inside the document), <c>type</c> (one or a list), <c>properties</c>, <c>required</c>, <c>additionalProperties</c>,
/// <c>items</c>, <c>oneOf</c>/<c>anyOf</c>/<c>allOf</c>, <c>enum</c> and the <c>uuid</c> format. Stricter than JSON Schema
/// on one point, on purpose: an object schema that lists its properties and says nothing of others admits no others,
/// so a renamed property fails as "undeclared" as well as "missing". A keyword it does not know is an error rather than
/// ignored, so the check can never pass by not understanding.
/// </summary>
public sealed class SchemaCheck(JsonElement document)
{
    /// <summary>Keywords that describe without constraining (or constrain only the wire format of a request).</summary>
    private static readonly HashSet<string> Annotations =
        ["description", "examples", "example", "default", "title", "format", "pattern", "deprecated", "readOnly", "writeOnly", "externalDocs"];

    private static readonly HashSet<string> Constraints =
        ["$ref", "type", "properties", "required", "additionalProperties", "items", "oneOf", "anyOf", "allOf", "enum"];

    /// <summary>Every way <paramref name="value"/> breaks <paramref name="schema"/>, each with its JSON path; empty when it fits.</summary>
    public IReadOnlyList<string> Errors(JsonElement schema, JsonElement value)
    {
        var errors = new List<string>();
        Check(schema, value, "$", errors, depth: 0);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors, int depth)
    {
        if (depth > 64)
        {
            errors.Add($"{path}: schema references nest too deep");
            return;
        }
        if (schema.ValueKind == JsonValueKind.True)
        {
            return;
        }
        if (schema.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: the schema is {schema.ValueKind}, not an object");
            return;
        }
        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Annotations.Contains(keyword.Name) && !Constraints.Contains(keyword.Name))
            {
                errors.Add($"{path}: the schema uses '{keyword.Name}', which this check does not understand");
            }
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(Resolve(reference.GetString()!), value, path, errors, depth + 1);
        }
        if (schema.TryGetProperty("type", out var type) && !TypeMatches(type, value))
        {
            errors.Add($"{path}: {Describe(value)} is not of type {type.GetRawText()}");
            return;
        }
        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            errors.Add($"{path}: {value.GetRawText()} is not one of {allowed.GetRawText()}");
        }
        if (schema.TryGetProperty("format", out var format) && format.GetString() == "uuid"
            && value.ValueKind == JsonValueKind.String && !Guid.TryParse(value.GetString(), out _))
        {
            errors.Add($"{path}: '{value.GetString()}' is not a UUID");
        }
        CheckCombinators(schema, value, path, errors, depth);
        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(schema, value, path, errors, depth);
        }
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(items, item, $"{path}[{index++}]", errors, depth + 1);
            }
        }
    }

    private void CheckCombinators(JsonElement schema, JsonElement value, string path, List<string> errors, int depth)
    {
        if (schema.TryGetProperty("allOf", out var all))
        {
            foreach (var part in all.EnumerateArray())
            {
                Check(part, value, path, errors, depth + 1);
            }
        }
        if (schema.TryGetProperty("anyOf", out var any) && !any.EnumerateArray().Any(part => Errors(part, value, path, depth).Count == 0))
        {
            errors.Add($"{path}: {Describe(value)} matches none of anyOf");
        }
        if (schema.TryGetProperty("oneOf", out var one))
        {
            var matches = one.EnumerateArray().Count(part => Errors(part, value, path, depth).Count == 0);
            if (matches != 1)
            {
                errors.Add($"{path}: {Describe(value)} matches {matches} of oneOf, not exactly one");
            }
        }
    }

    private void CheckObject(JsonElement schema, JsonElement value, string path, List<string> errors, int depth)
    {
        var declared = schema.TryGetProperty("properties", out var properties) ? properties : default;
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(n => n.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    errors.Add($"{path}: required property '{name}' is missing");
                }
            }
        }
        var hasAdditional = schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var property in value.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            if (declared.ValueKind == JsonValueKind.Object && declared.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(propertySchema, property.Value, at, errors, depth + 1);
            }
            else if (hasAdditional)
            {
                if (additional.ValueKind == JsonValueKind.False)
                {
                    errors.Add($"{at}: the schema admits no property '{property.Name}'");
                }
                else
                {
                    Check(additional, property.Value, at, errors, depth + 1);
                }
            }
            else if (declared.ValueKind == JsonValueKind.Object)
            {
                errors.Add($"{at}: property '{property.Name}' is not declared by the schema");
            }
        }
    }

    private List<string> Errors(JsonElement schema, JsonElement value, string path, int depth)
    {
        var errors = new List<string>();
        Check(schema, value, path, errors, depth + 1);
        return errors;
    }

    /// <summary>A reference inside this document (<c>#/components/schemas/Name</c>), JSON-pointer escapes included.</summary>
    public JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Only references inside the document are supported, not '{reference}'.");
        }
        var node = document;
        foreach (var segment in reference[2..].Split('/'))
        {
            var name = Uri.UnescapeDataString(segment).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(name, out node))
            {
                throw new InvalidOperationException($"The reference '{reference}' points at nothing in the document.");
            }
        }
        return node;
    }

    private static bool TypeMatches(JsonElement type, JsonElement value) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Any(t => IsOfType(t.GetString()!, value))
        : IsOfType(type.GetString()!, value);

    private static bool IsOfType(string type, JsonElement value) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "string" => value.ValueKind == JsonValueKind.String,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number
                     && decimal.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                     && decimal.Truncate(number) == number,
        _ => throw new InvalidOperationException($"Unknown JSON Schema type '{type}'."),
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => value.GetRawText(),
    };
}
