namespace Docsfy.Api.Http;

/// <summary>
/// Declares what an endpoint answers, for the OpenAPI document, where the handler's return type cannot say it: files
/// written by hand, and errors. Handlers return <see cref="ApiError"/> through <c>JsonHttpResult</c>, whose status is
/// chosen at run time and so carries no metadata of its own; 401 and 403 are derived from the endpoint's authorization
/// and need no declaring here.
/// </summary>
public static class ResponseMetadata
{
    private static readonly string[] Json = ["application/json"];

    /// <summary>The endpoint answers <see cref="ApiError"/> with each of <paramref name="statusCodes"/>.</summary>
    public static TBuilder ProducesApiErrors<TBuilder>(this TBuilder builder, params int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var statusCode in statusCodes)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(statusCode, typeof(ApiError), Json));
        }
        return builder;
    }

    /// <summary>The endpoint answers 200 with a file (written by hand to the response) of one of these media types.</summary>
    public static TBuilder ProducesFile<TBuilder>(this TBuilder builder, params string[] contentTypes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Stream), contentTypes));

    /// <summary>
    /// The endpoint reads a <typeparamref name="T"/> body with <see cref="JsonBody"/>, and so can also answer 413, 415,
    /// 400 (not JSON) and 422 (wrong shape).
    /// </summary>
    public static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder builder, bool isOptional = false)
        where T : notnull =>
        builder.Accepts<T>(isOptional, Json[0])
            .ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
}
