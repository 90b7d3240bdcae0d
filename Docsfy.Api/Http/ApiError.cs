using System.Text.Json.Serialization;

namespace Docsfy.Api.Http;

/// <summary>
/// The one error shape of the API: <c>{"detail": "..."}</c>, plus <c>"field"</c> when one field of the request body is at
/// fault (so a form can show the message at that field).
/// </summary>
public sealed record ApiError(
    string Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Field = null)
{
    public static JsonHttpResult<ApiError> Status(int statusCode, string detail) =>
        TypedResults.Json(new ApiError(detail), statusCode: statusCode);

    public static JsonHttpResult<ApiError> BadRequest(string detail) => Status(StatusCodes.Status400BadRequest, detail);

    /// <summary>A 400 caused by one field of the body, named as the body names it.</summary>
    public static JsonHttpResult<ApiError> BadField(string field, string detail) =>
        TypedResults.Json(new ApiError(detail, field), statusCode: StatusCodes.Status400BadRequest);

    public static JsonHttpResult<ApiError> NotFound(string detail) => Status(StatusCodes.Status404NotFound, detail);

    public static JsonHttpResult<ApiError> Conflict(string detail) => Status(StatusCodes.Status409Conflict, detail);

    public static JsonHttpResult<ApiError> Unprocessable(string detail) =>
        Status(StatusCodes.Status422UnprocessableEntity, detail);
}
