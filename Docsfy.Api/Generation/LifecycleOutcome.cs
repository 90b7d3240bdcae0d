using System.Diagnostics.CodeAnalysis;

namespace Docsfy.Api.Generation;

/// <summary>What <see cref="RunLifecycle"/> did (<typeparamref name="T"/>), or the <see cref="RunRefusal"/> saying why not.</summary>
public readonly struct LifecycleOutcome<T> where T : class
{
    private readonly T? _value;
    private readonly RunRefusal? _refusal;

    private LifecycleOutcome(T? value, RunRefusal? refusal) => (_value, _refusal) = (value, refusal);

    public static implicit operator LifecycleOutcome<T>(T value) => new(value, null);

    public static implicit operator LifecycleOutcome<T>(RunRefusal refusal) => new(null, refusal);

    public bool Succeeded([NotNullWhen(true)] out T? value, [NotNullWhen(false)] out RunRefusal? refusal)
    {
        value = _value;
        refusal = _refusal;
        return _value is not null;
    }
}
