using System.Diagnostics;
using Docsfy.Contracts;

namespace Docsfy.Api.Generation.Events;

/// <summary>
/// One delivery from a partition queue: at most one of <see cref="Progress"/>, <see cref="Finished"/>,
/// <see cref="Heartbeat"/> and <see cref="HandedBack"/> is set; none when the delivery was refused (it is still acknowledged in its turn).
/// <see cref="DeliveryTag"/> is RabbitMQ's number of the delivery on its channel. <see cref="TraceContext"/> is the
/// worker span that sent it (default when the envelope carried none).
/// </summary>
public sealed record RunEvent(ulong DeliveryTag, GenerationProgressed? Progress = null, GenerationFinished? Finished = null,
    GenerationHeartbeat? Heartbeat = null, ActivityContext TraceContext = default, GenerationHandedBack? HandedBack = null);
