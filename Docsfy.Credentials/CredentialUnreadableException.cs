namespace Docsfy.Credentials;

/// <summary>
/// A stored credential that cannot be opened: the key ring lost the key, or <c>DOCSFY_KEY_HASH_SECRET</c> changed since
/// it was set. Its message names no secret and tells the owner what to do.
/// </summary>
public sealed class CredentialUnreadableException(Exception inner)
    : Exception("The project's repository credentials cannot be decrypted any more (the server's secret or key ring changed): set them again.", inner);
