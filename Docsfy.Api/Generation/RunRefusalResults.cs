using Docsfy.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docsfy.Api.Generation;

/// <summary>How the REST API says a <see cref="RunRefusal"/>: its status code and the one error shape.</summary>
public static class RunRefusalResults
{
    public static JsonHttpResult<ApiError> ToApiError(this RunRefusal refusal) => refusal.Field is { } field
        ? ApiError.BadField(field, refusal.Detail)
        : ApiError.Status(StatusCodeOf(refusal.Reason), refusal.Detail);

    private static int StatusCodeOf(RunRefusalReason reason) => reason switch
    {
        RunRefusalReason.Invalid => StatusCodes.Status400BadRequest,
        RunRefusalReason.Forbidden => StatusCodes.Status403Forbidden,
        RunRefusalReason.NotFound => StatusCodes.Status404NotFound,
        RunRefusalReason.Conflict => StatusCodes.Status409Conflict,
        RunRefusalReason.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "A refusal reason without a status code."),
    };
}
