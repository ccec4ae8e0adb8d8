// libtorch's random generator is process-wide: tests that seed it must not interleave their draws.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
