namespace Docsfy.Api.Http;

/// <summary>Either a request body that passed <see cref="JsonBody"/>, or the 4xx answer explaining why it did not.</summary>
public readonly struct BodyResult<T> where T : class
{
    public BodyResult(T value) => Value = value;

    private BodyResult(JsonHttpResult<ApiError> error) => Error = error;

    public T? Value { get; }

    public JsonHttpResult<ApiError>? Error { get; }

    public static implicit operator BodyResult<T>(JsonHttpResult<ApiError> error) => new(error);
}
