using Polly;
using Polly.Retry;

namespace Sim2Real.Ros.Transport;

/// <summary>
/// Creates DDS entities through a Polly retry pipeline: transient failures (the network not up yet at boot, resources
/// briefly exhausted) are retried with exponential backoff; permanent ones fail at once, naming topic and type.
/// </summary>
internal sealed class EntityFactory
{
    private readonly ResiliencePipeline _pipeline;

    public EntityFactory(int attempts, TimeSpan backoff, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (attempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RosTransportException>(e => e.IsTransient),
                MaxRetryAttempts = attempts - 1,
                Delay = backoff,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                OnRetry = args =>
                {
                    Retries++;
                    return default;
                },
            });
        }

        _pipeline = builder.Build();
    }

    /// <summary>Retries taken so far (for diagnostics and tests).</summary>
    public int Retries { get; private set; }

    /// <summary>Runs <paramref name="create"/> (a dds_create_* call) until it returns an entity or fails for good.</summary>
    public DdsEntityHandle Create(string topic, string type, string operation, Func<int> create) =>
        _pipeline.Execute(() =>
        {
            var entity = create();
            if (entity <= 0)
            {
                throw new RosTransportException(topic, type, operation, entity);
            }

            return new DdsEntityHandle(entity);
        });
}
