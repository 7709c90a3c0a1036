#include "AvailabilityText.h"

#include "core/io/Units.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace firedrill::montecarlo {

namespace {

std::string printf1(const char* format, double value)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

/// The share as a percentage number without the sign or unit: 2 significant digits, at most 2 decimals.
std::string percentDigits(double percent)
{
    if (percent >= 9.95)
        return printf1("%.0f", percent);
    if (percent >= 0.995)
        return printf1("%.1f", percent);
    return printf1("%.2f", percent);
}

} // namespace

std::string formatDowntime(double ms)
{
    if (!(ms > 0))
        return "0s";
    double rounded = 0;
    if (ms >= 3'600'000.0)
        rounded = std::round(ms / 60'000.0) * 60'000.0;
    else if (ms >= 60'000.0)
        rounded = std::round(ms / 1000.0) * 1000.0;
    else
        rounded = std::round(ms / 100.0) * 100.0;
    return formatDurationReadable(Duration{static_cast<std::int64_t>(rounded)});
}

std::string formatDowntimeChange(double ms)
{
    if (std::isnan(ms))
        return "n/a";
    const std::string magnitude = formatDowntime(std::fabs(ms));
    if (magnitude == "0s")
        return "±0s";
    return (ms > 0 ? "+" : "-") + magnitude;
}

std::string formatAvailability(double a)
{
    if (std::isnan(a))
        return "no data";
    if (!(a < 1.0))
        return "100 %";
    if (a <= 0.0)
        return "0 %";
    // Two significant digits of the unavailability (99.814 %: 0.19 % down, so "99.81 %"), without
    // trailing zeros, at least one decimal, and never rounded up to 100.
    const double downPercent = (1.0 - a) * 100.0;
    int decimals = std::clamp(static_cast<int>(std::ceil(1.0 - std::log10(downPercent) - 1e-9)), 1, 12);
    std::string text;
    for (;; ++decimals) {
        char format[16];
        std::snprintf(format, sizeof format, "%%.%df", decimals);
        text = printf1(format, a * 100.0);
        if (text.rfind("100", 0) != 0 || decimals >= 12)
            break;
    }
    while (text.back() == '0' && text[text.size() - 2] != '.')
        text.pop_back();
    return text + " %";
}

std::string formatNines(std::optional<double> nines)
{
    if (!nines)
        return "∞";
    return printf1("%.1f", *nines);
}

std::string formatShare(double share)
{
    if (!(share > 0))
        return "0 %";
    const double percent = share * 100.0;
    if (percent < 0.005)
        return "< 0.01 %";
    return percentDigits(percent) + " %";
}

std::string formatShareChange(double change)
{
    if (std::isnan(change))
        return "n/a";
    const double points = std::fabs(change) * 100.0;
    if (points < 0.005)
        return "±0 pt";
    return (change > 0 ? "+" : "-") + percentDigits(points) + " pt";
}

} // namespace firedrill::montecarlo
