namespace Docsfy.Api.Generation;

/// <summary>
/// Who or what started a run, recorded on the variant and shown on its REST reads (<c>trigger</c>): a user (by name), a
/// push (by the host's delivery id) or a schedule.
/// </summary>
/// <param name="Kind"><see cref="User"/>, <see cref="Push"/> or <see cref="Schedule"/>.</param>
/// <param name="Detail">The username for a user, the delivery id for a push, null for a schedule.</param>
public sealed record RunTrigger(string Kind, string? Detail)
{
    public const string UserKind = "user";
    public const string PushKind = "push";
    public const string ScheduleKind = "schedule";

    public static RunTrigger User(string username) => new(UserKind, username);

    public static RunTrigger Push(string deliveryId) => new(PushKind, deliveryId);

    public static RunTrigger Schedule { get; } = new(ScheduleKind, null);
}
