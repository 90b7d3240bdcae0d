using System.Text.Json;
using Docsfy.IntegrationTests.Infrastructure;

namespace Docsfy.IntegrationTests.OpenApi;

/// <summary>The schema check fails for each way a body can drift from its document; no app host needed.</summary>
public sealed class SchemaCheckTests
{
    private static readonly JsonElement Document = JsonDocument.Parse("""
        {
          "components": {
            "schemas": {
              "Variant": {
                "required": ["name", "page_count", "generation_id", "error_message"],
                "type": "object",
                "properties": {
                  "name": {"type": "string"},
                  "page_count": {"type": "integer", "format": "int32"},
                  "generation_id": {"type": "string", "format": "uuid"},
                  "error_message": {"type": ["null", "string"]},
                  "status": {"type": "string", "enum": ["ready", "error"]},
                  "ai_usage": {"oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/Usage"}]},
                  "known_models": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}
                }
              },
              "Usage": {"required": ["calls"], "type": "object", "properties": {"calls": {"type": "integer"}}}
            }
          }
        }
        """).RootElement;

    private static readonly SchemaCheck Check = new(Document);

    private static IReadOnlyList<string> ErrorsOf(string body) =>
        Check.Errors(Check.Resolve("#/components/schemas/Variant"), JsonDocument.Parse(body).RootElement);

    private const string Valid = """
        {"name": "x", "page_count": 3, "generation_id": "6f1c1e2a-0000-4000-8000-000000000001", "error_message": null,
         "status": "ready", "ai_usage": {"calls": 2}, "known_models": {"claude": ["sonnet"]}}
        """;

    [Fact]
    public void A_body_that_fits_has_no_errors() => Assert.Empty(ErrorsOf(Valid));

    [Theory]
    [InlineData("\"page_count\"", "\"pages\"", "required property 'page_count' is missing")]
    [InlineData("\"status\"", "\"state\"", "property 'state' is not declared")]
    [InlineData("\"page_count\": 3", "\"page_count\": \"3\"", "$.page_count")]
    [InlineData("\"page_count\": 3", "\"page_count\": 3.5", "$.page_count")]
    [InlineData("\"name\": \"x\"", "\"name\": null", "$.name")]
    [InlineData("\"ready\"", "\"readyish\"", "is not one of")]
    [InlineData("{\"calls\": 2}", "{\"calls\": \"2\"}", "$.ai_usage")]
    [InlineData("[\"sonnet\"]", "[7]", "$.known_models.claude[0]")]
    [InlineData("6f1c1e2a-0000-4000-8000-000000000001", "not-a-uuid", "is not a UUID")]
    public void Each_drift_is_an_error(string from, string to, string expected)
    {
        var errors = ErrorsOf(Valid.Replace(from, to, StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Nullable_and_optional_properties_may_be_null_or_absent() =>
        Assert.Empty(ErrorsOf("""{"name": "x", "page_count": 0, "generation_id": "6f1c1e2a-0000-4000-8000-000000000001", "error_message": "boom", "ai_usage": null}"""));

    [Fact]
    public void A_keyword_the_check_does_not_know_is_an_error_not_a_pass()
    {
        var schema = JsonDocument.Parse("""{"type": "string", "maxLength": 2}""").RootElement;
        Assert.Contains(Check.Errors(schema, JsonDocument.Parse("\"long\"").RootElement), error => error.Contains("maxLength"));
    }

    [Fact]
    public void A_reference_to_nothing_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => Check.Resolve("#/components/schemas/Missing"));
}
