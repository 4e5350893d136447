using ArgoFlow.Services.Errors;

namespace ArgoFlow.Services.Detect;

/// <summary>
/// The models this process serves, each loaded once. <see cref="LoadAll"/> runs during warm-up, before the Detect
/// service reports SERVING; the first configured model is the default.
/// </summary>
public sealed class ModelRegistry : IDisposable
{
    private readonly IReadOnlyList<ModelOptions> _options;
    private readonly int _intraOpThreads;
    private readonly Dictionary<string, DetectionModel> _models = new(StringComparer.Ordinal);
    private DetectionModel? _default;

    public ModelRegistry(IReadOnlyList<ModelOptions> options, int intraOpThreads)
    {
        _options = options;
        _intraOpThreads = intraOpThreads;
    }

    public IReadOnlyCollection<DetectionModel> Models
    {
        get
        {
            lock (_models)
            {
                return _models.Values.ToArray();
            }
        }
    }

    public void LoadAll()
    {
        lock (_models)
        {
            foreach (var option in _options)
            {
                if (!_models.ContainsKey(option.EffectiveName))
                {
                    var model = DetectionModel.Load(option, _intraOpThreads);
                    _models[model.Name] = model;
                    _default ??= model;
                }
            }
        }
    }

    /// <summary>The named model, or the default for an empty name; InvalidArgument (field "model") if unknown.</summary>
    public DetectionModel Get(string name)
    {
        lock (_models)
        {
            if (string.IsNullOrEmpty(name))
            {
                return _default ?? throw new StepException(StepFailure.NotReady, "no model is loaded yet");
            }

            return _models.TryGetValue(name, out var model)
                ? model
                : throw StepException.Invalid("model", $"unknown model '{name}'; loaded: {string.Join(", ", _models.Keys.Order(StringComparer.Ordinal))}");
        }
    }

    public void Dispose()
    {
        lock (_models)
        {
            foreach (var model in _models.Values)
            {
                model.Dispose();
            }

            _models.Clear();
        }
    }
}
