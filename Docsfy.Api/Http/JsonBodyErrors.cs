using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Docsfy.Api.Http;

/// <summary>
/// Explains why the strict deserializer refused a body, from facts rather than from the English of its message: the
/// JSON path where it stopped (<see cref="JsonException.Path"/>), the body itself, and the contract of the target type
/// (its properties' JSON names, types and whether they are required). A value is never echoed, only field names, so a
/// key pasted into the wrong field does not come back in an error or a log.
/// </summary>
public static class JsonBodyErrors
{
    /// <summary>Longest field name quoted back: a name is the client's text, and may be as long as the body.</summary>
    private const int MaxQuotedName = 64;

    public static JsonHttpResult<ApiError> Explain(JsonException exception, JsonElement body, JsonTypeInfo contract)
    {
        var names = contract.Options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var given = GivenName(exception.Path, body);
        if (given is null)
        {
            // Stopped at the object itself: only a missing required field does that to an object that parsed.
            var missing = contract.Properties
                .Where(property => property.IsRequired && !body.EnumerateObject().Any(p => names.Equals(p.Name, property.Name)))
                .Select(property => property.Name)
                .ToList();
            return missing switch
            {
                [] => ApiError.Unprocessable("The body does not match the expected shape."),
                [var one] => Field(one, $"Missing required field(s): '{one}'."),
                _ => ApiError.Unprocessable($"Missing required field(s): {string.Join(", ", missing.Select(name => $"'{name}'"))}."),
            };
        }

        var declared = contract.Properties.FirstOrDefault(property => names.Equals(property.Name, given));
        if (declared is null)
        {
            return ApiError.Unprocessable($"Unknown field '{Quote(given)}'.");
        }
        var field = declared.Name;
        var occurrences = body.EnumerateObject().Where(property => names.Equals(property.Name, field)).ToList();
        if (occurrences.Count > 1)
        {
            return Field(field, $"Field '{field}' appears more than once.");
        }
        if (occurrences is [{ Value.ValueKind: JsonValueKind.Null }])
        {
            return Field(field, $"Field '{field}' must not be null.");
        }
        return Field(field, $"Field '{field}' must be {Expected(declared.PropertyType)}.");
    }

    /// <summary>
    /// The top-level property of <paramref name="body"/> that <paramref name="path"/> (<c>$.name</c>, <c>$['odd name']</c>,
    /// <c>$.name[0]</c>) is in, as the body spells it; null when the path is the object itself or names none of them.
    /// Matched against the body's own names rather than parsed, so no escaping rule of the path format is assumed.
    /// </summary>
    private static string? GivenName(string? path, JsonElement body)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }
        return body.EnumerateObject()
            .Select(property => property.Name)
            .Where(name => IsUnder(path, $"$.{name}") || IsUnder(path, $"$['{name}']"))
            .MaxBy(name => name.Length);
    }

    private static bool IsUnder(string path, string prefix) =>
        path.StartsWith(prefix, StringComparison.Ordinal)
        && (path.Length == prefix.Length || path[prefix.Length] is '.' or '[');

    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return Type.GetTypeCode(type) switch
        {
            TypeCode.String or TypeCode.Char => "a string",
            TypeCode.Boolean => "true or false",
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
                or TypeCode.Int64 or TypeCode.UInt64 => "a whole number",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number",
            _ when typeof(IEnumerable).IsAssignableFrom(type) => "an array",
            _ => "an object",
        };
    }

    private static string Quote(string name) => name.Length <= MaxQuotedName ? name : $"{name[..MaxQuotedName]}…";

    private static JsonHttpResult<ApiError> Field(string field, string detail) =>
        TypedResults.Json(new ApiError(detail, field), statusCode: StatusCodes.Status422UnprocessableEntity);
}
