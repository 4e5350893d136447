using ArgoFlow.Bench.Local;

namespace ArgoFlow.Bench.Tests.Local;

public sealed class BenchScheduleTests
{
    [Fact]
    public void Schedule_interleaves_modes_round_by_round_in_the_given_order()
    {
        var slots = BenchSchedule.Build(["warm", "cold", "inproc"], warmup: 0, iterations: 3, concurrency: 1);
        Assert.Equal(
            ["warm", "cold", "inproc", "warm", "cold", "inproc", "warm", "cold", "inproc"],
            slots.Select(s => s.Mode));
        Assert.Equal([0, 0, 0, 1, 1, 1, 2, 2, 2], slots.Select(s => s.Round));
    }

    [Fact]
    public void Warmup_rounds_come_first_and_are_marked()
    {
        var slots = BenchSchedule.Build(["inproc", "warm"], warmup: 2, iterations: 1, concurrency: 1);
        Assert.Equal([true, true, true, true, false, false], slots.Select(s => s.Warmup));
        Assert.Equal(["inproc", "warm", "inproc", "warm", "inproc", "warm"], slots.Select(s => s.Mode));
    }

    [Fact]
    public void Concurrency_groups_four_runs_per_worker_into_a_slot_and_the_last_slot_takes_the_rest()
    {
        var slots = BenchSchedule.Build(["warm", "cold"], warmup: 1, iterations: 21, concurrency: 2);
        Assert.Equal([1, 1, 8, 8, 8, 8, 5, 5], slots.Select(s => s.Batch));
        Assert.Equal(21, slots.Where(s => s.Mode == "warm" && !s.Warmup).Sum(s => s.Batch));
        Assert.Equal(1, slots.Where(s => s.Mode == "cold" && s.Warmup).Sum(s => s.Batch));
    }

    [Fact]
    public void Without_concurrency_every_slot_is_one_run()
    {
        var slots = BenchSchedule.Build(["warm"], warmup: 0, iterations: 3, concurrency: 1);
        Assert.All(slots, s => Assert.Equal(1, s.Batch));
    }

    [Fact]
    public void No_iterations_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BenchSchedule.Build(["warm"], 0, 0, 1));
}
