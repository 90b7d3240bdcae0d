// One app host and one Chromium for the whole assembly; on a 2-core machine tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
