// libtorch's random generator is process-wide: tests that make policies must not interleave their draws.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
