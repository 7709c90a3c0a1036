#include "AfterActionReport.h"

#include "UtcTime.h"
#include "core/io/Units.h"

#include <sstream>

namespace firedrill {

namespace {
std::string time(const std::optional<Duration>& d)
{
    return d ? formatDurationReadable(*d) : std::string("—");
}

std::string signedTime(const std::optional<Duration>& d)
{
    if (!d)
        return "—";
    return (d->ms > 0 ? "+" : "") + formatDurationReadable(*d);
}

std::string cell(const std::string& text)
{
    std::string out;
    for (char c : text)
        out += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
    return out;
}
} // namespace

std::string afterActionReport(const DrillPlan& plan, const DrillRecord& record, const DrillComparison& c)
{
    std::ostringstream md;
    md << "# After-action report: " << plan.title << "\n\n";
    md << "- Plan: `" << plan.id << "` revision " << record.planRevision
       << "\n- Fault injected: " << formatUtc(record.faultStart) << "\n- Result: **"
       << (c.passed() ? "passed" : "failed") << "**\n\n";
    md << "| | Target | Expected | Measured | Verdict |\n|---|---|---|---|---|\n";
    md << "| RTO | " << time(c.rtoTarget) << " | " << time(c.expectedRto) << " | " << time(c.measuredRto)
       << " | " << verdictText(c.rto) << " |\n";
    md << "| RPO | " << time(c.rpoTarget) << " | " << time(c.expectedRpo) << " | " << time(c.measuredRpo)
       << " | " << verdictText(c.rpo) << " |\n\n";
    md << "Steps: " << c.steps.size() << ", failed " << c.failed << ", skipped " << c.skipped
       << ", not recorded " << c.unrecorded << ".\n\n";

    md << "## Steps\n\n| # | Step | Owner | Expected done | Actual done | Late | Expected duration | Actual "
          "duration "
          "| Outcome | Note |\n|---|---|---|---|---|---|---|---|---|---|\n";
    for (const auto& s : c.steps) {
        std::string note;
        for (const auto& r : record.steps)
            if (r.step == s.step)
                note = r.note;
        md << "| " << s.step << " | " << cell(s.title) << " | " << roleLabel(s.owner) << " | "
           << formatDurationReadable(s.expectedElapsed) << " | " << time(s.actualElapsed) << " | "
           << signedTime(s.late) << " | " << formatDurationReadable(s.expectedDuration) << " | "
           << time(s.actualDuration) << " | "
           << (s.outcome ? std::string(outcomeName(*s.outcome)) : std::string("not recorded")) << " | "
           << cell(note) << " |\n";
    }
    const auto list = [&](const char* title, const std::vector<std::string>& items) {
        md << "\n## " << title << "\n\n";
        if (items.empty())
            md << "None recorded.\n";
        for (const auto& i : items)
            md << "- " << i << "\n";
    };
    list("Observations", record.observations);
    list("Issues found", record.issues);
    md << "\n## Action items\n\n";
    if (record.actionItems.empty())
        md << "None recorded.\n";
    else
        md << "| Action | Owner | Due | Status |\n|---|---|---|---|\n";
    for (const auto& a : record.actionItems)
        md << "| " << cell(a.title) << " | " << cell(a.owner) << " | " << (a.due ? formatDate(*a.due) : "—")
           << " | " << (a.done ? "done" : "open") << " |\n";
    return md.str();
}

} // namespace firedrill
