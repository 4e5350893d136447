using ArgoFlow.Templates.Spec.Validation;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint;

/// <summary>
/// validate.go CronWorkflow: at least one schedule of five cron fields (or a descriptor such as @hourly), a known
/// concurrencyPolicy, a startingDeadlineSeconds that is not negative.
/// </summary>
internal sealed class CronRules(SpecReadContext context, YMapping spec)
{
    private static readonly string[] Policies = ["Allow", "Forbid", "Replace"];

    public void Run()
    {
        var schedules = new List<YScalar>();
        if (spec["schedule"] is YScalar { IsNull: false, Value.Length: > 0 } one)
        {
            schedules.Add(one);
        }

        if (spec["schedules"] is YSequence many)
        {
            schedules.AddRange(many.Items.OfType<YScalar>().Where(s => !s.IsNull));
        }

        if (schedules.Count == 0)
        {
            context.Error(spec, "spec.schedules", "a CronWorkflow needs at least one schedule");
        }

        foreach (var schedule in schedules)
        {
            var fields = schedule.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var withoutZone = fields.Length > 0 && fields[0].StartsWith("CRON_TZ=", StringComparison.Ordinal) ? fields[1..] : fields;
            if (!(withoutZone.Length == 5 || (withoutZone.Length is 1 or 2 && withoutZone[0].StartsWith('@'))))
            {
                context.Error(schedule, "spec.schedules", $"'{schedule.Value}' is not a cron schedule: five fields (minute hour day month weekday) or a descriptor such as @hourly");
            }
        }

        if (spec["concurrencyPolicy"] is YScalar { IsNull: false, Value.Length: > 0 } policy && !Policies.Contains(policy.Value))
        {
            context.Error(policy, "spec.concurrencyPolicy", $"'{policy.Value}' is not a concurrencyPolicy: one of {string.Join(", ", Policies)}");
        }

        if (spec["startingDeadlineSeconds"] is YScalar { AsLong: < 0 } deadline)
        {
            context.Error(deadline, "spec.startingDeadlineSeconds", "must not be negative");
        }
    }
}
