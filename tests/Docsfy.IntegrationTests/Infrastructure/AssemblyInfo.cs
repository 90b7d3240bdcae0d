// Each collection starts a whole app host (PostgreSQL, RabbitMQ, API replicas, worker); on a 2-core machine they run
// one at a time so no start-up races another for CPU.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
