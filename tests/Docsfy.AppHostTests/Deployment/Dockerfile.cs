namespace Docsfy.AppHostTests.Deployment;

/// <summary>A Dockerfile read into instructions (continuations joined, comments dropped), grouped by build stage.</summary>
internal sealed class Dockerfile
{
    private Dockerfile(IReadOnlyList<Instruction> global, IReadOnlyList<Stage> stages)
    {
        Global = global;
        Stages = stages;
    }

    /// <summary>Instructions before the first FROM (the ARGs that FROM lines may use).</summary>
    public IReadOnlyList<Instruction> Global { get; }

    public IReadOnlyList<Stage> Stages { get; }

    /// <summary>The image that is run: the last stage.</summary>
    public Stage Final => Stages[^1];

    public IEnumerable<Instruction> All => Global.Concat(Stages.SelectMany(stage => stage.Instructions));

    /// <summary>The default of a global ARG, as FROM lines see it.</summary>
    public string? GlobalArgument(string name) =>
        Global.Where(instruction => instruction.Keyword == "ARG")
            .Select(instruction => instruction.Arguments.Split('=', 2))
            .Where(parts => parts[0] == name)
            .Select(parts => parts.Length == 2 ? parts[1].Trim('"') : null)
            .LastOrDefault();

    public static Dockerfile Read(string path)
    {
        var instructions = new List<Instruction>();
        var pending = "";
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }
            if (line.EndsWith('\\'))
            {
                pending += line[..^1].TrimEnd() + " ";
                continue;
            }
            var text = (pending + line).Trim();
            pending = "";
            if (text.Length == 0)
            {
                continue;
            }
            var space = text.IndexOf(' ');
            instructions.Add(space < 0
                ? new Instruction(text.ToUpperInvariant(), "")
                : new Instruction(text[..space].ToUpperInvariant(), text[(space + 1)..].Trim()));
        }

        var global = instructions.TakeWhile(instruction => instruction.Keyword != "FROM").ToList();
        var stages = new List<Stage>();
        foreach (var instruction in instructions.Skip(global.Count))
        {
            if (instruction.Keyword == "FROM")
            {
                var parts = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                stages.Add(new Stage(parts[0], parts.Length == 3 && parts[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? parts[2] : null, []));
            }
            else
            {
                stages[^1].Instructions.Add(instruction);
            }
        }
        return new Dockerfile(global, stages);
    }

    public sealed record Instruction(string Keyword, string Arguments);

    public sealed record Stage(string Image, string? Name, List<Instruction> Instructions)
    {
        public IEnumerable<string> Run => Instructions.Where(instruction => instruction.Keyword == "RUN").Select(instruction => instruction.Arguments);
    }
}
