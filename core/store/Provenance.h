#pragma once

#include <string>

namespace firedrill {

/// Now, in UTC, as ISO-8601 with milliseconds: "2024-05-01T12:34:56.789Z".
std::string utcTimestampNow();
/// The login name of the user running this process ("unknown" when it cannot be found).
std::string currentUserName();
/// This machine's host name ("unknown" when it cannot be found).
std::string currentHostName();

} // namespace firedrill
