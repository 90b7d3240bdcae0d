namespace Docsfy.Worker.Cloning;

/// <summary>A checkout file that may not or cannot be read; the message names the reason and is safe to show.</summary>
public sealed class CheckoutReadException(string message) : IOException(message);
