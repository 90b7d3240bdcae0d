using Docsfy.Credentials;

namespace Docsfy.Worker.Cloning;

/// <summary>
/// A project's ssh deploy key (and its known_hosts lines, when given) as files for <c>ssh -i</c>: in a folder of their
/// own outside every checkout (the AI tools read the checkout), readable by the worker's user alone (0700 folder, 0600
/// files, as ssh demands of a key), and deleted when the fetch that needed them ends.
/// </summary>
internal sealed class SshIdentity : IDisposable
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _folder;

    private SshIdentity(string folder, string keyFile, string? knownHostsFile)
    {
        _folder = folder;
        KeyFile = keyFile;
        KnownHostsFile = knownHostsFile;
    }

    public string KeyFile { get; }

    /// <summary>The file of the credential's known_hosts lines, or null to let ssh use the worker's own.</summary>
    public string? KnownHostsFile { get; }

    public static SshIdentity Write(RepositoryCredential credential, string? directory)
    {
        var folder = Path.Combine(directory ?? Path.GetTempPath(), "docsfy-ssh-" + Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
        }
        try
        {
            var key = Path.Combine(folder, "id");
            WriteOwnerOnly(key, credential.Secret);
            string? knownHosts = null;
            if (credential.KnownHosts is { } hosts)
            {
                knownHosts = Path.Combine(folder, "known_hosts");
                WriteOwnerOnly(knownHosts, hosts);
            }
            return new SshIdentity(folder, key, knownHosts);
        }
        catch
        {
            ScratchFolder.TryDelete(folder);
            throw;
        }
    }

    public void Dispose()
    {
        // Overwritten before deletion, so the key does not linger in a block the file system frees.
        try
        {
            if (File.Exists(KeyFile))
            {
                File.WriteAllBytes(KeyFile, new byte[new FileInfo(KeyFile).Length]);
            }
        }
        catch (IOException)
        {
        }
        ScratchFolder.TryDelete(_folder);
    }

    private static void WriteOwnerOnly(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }
}
