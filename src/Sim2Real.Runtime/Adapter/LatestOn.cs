using System.Reactive.Concurrency;
using System.Reactive.Linq;

namespace Sim2Real.Runtime.Adapter;

/// <summary>
/// Delivers a stream on a scheduler keeping only the newest item while the scheduler is busy: latest-sample
/// semantics for camera frames, so a slow moment of the loop never builds a queue of stale images behind it.
/// </summary>
internal static class LatestOn
{
    public static IObservable<T> ObserveLatestOn<T>(this IObservable<T> source, IScheduler scheduler)
        where T : class => Observable.Create<T>(observer =>
    {
        var gate = new Lock();
        T? pending = null;
        var scheduled = false;
        return source.Subscribe(item =>
        {
            lock (gate)
            {
                pending = item;
                if (scheduled)
                {
                    return;
                }

                scheduled = true;
            }

            scheduler.Schedule(() =>
            {
                T next;
                lock (gate)
                {
                    next = pending!;
                    pending = null;
                    scheduled = false;
                }

                observer.OnNext(next);
            });
        }, observer.OnError, observer.OnCompleted);
    });
}
