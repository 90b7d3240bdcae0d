namespace Docsfy.Api.Http;

/// <summary>The one error shape of the API: <c>{"detail": "..."}</c>.</summary>
public sealed record ApiError(string Detail)
{
    public static JsonHttpResult<ApiError> Status(int statusCode, string detail) =>
        TypedResults.Json(new ApiError(detail), statusCode: statusCode);

    public static JsonHttpResult<ApiError> BadRequest(string detail) => Status(StatusCodes.Status400BadRequest, detail);

    public static JsonHttpResult<ApiError> NotFound(string detail) => Status(StatusCodes.Status404NotFound, detail);

    public static JsonHttpResult<ApiError> Conflict(string detail) => Status(StatusCodes.Status409Conflict, detail);

    public static JsonHttpResult<ApiError> Unprocessable(string detail) =>
        Status(StatusCodes.Status422UnprocessableEntity, detail);
}
