// libtorch's random generator is process-wide: training runs must not interleave their draws.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
