namespace Docsfy.WorkerTests.Cloning;

/// <summary>A fresh folder under the system temp folder, removed (links unlinked, never followed) on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "docsfy-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>A path inside this folder that does not exist yet: a clone target.</summary>
    public string Child(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Docsfy.Worker.Cloning.ScratchFolder.TryDelete(Path);
}
