#pragma once

// What the fuzz harnesses and the corpus replay test run on one input: the real import, open and
// analysis paths, plus the properties every outcome must have. Each returns an empty string when all held, otherwise
// a description of the broken property.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace firedrill::fuzz {

/// Reads `size` bytes as a YAML topology through readTopologyYaml(); checks that every diagnostic has a
/// code and a message and that a topology that loads cleanly survives a canonical write and re-read.
std::string checkYamlImport(const std::uint8_t* data, std::size_t size);

/// Writes `size` bytes to `path` and opens them through Workspace (read-only, then for editing); checks
/// that a refusal has a code and names the file, that nothing is written before the file is accepted,
/// and that closing leaves no side files next to it.
std::string checkWorkspaceOpen(const std::uint8_t* data, std::size_t size, const std::filesystem::path& path);

/// Events a Monte Carlo year may take in checkAnalysisPaths (the core refuses a design above it).
inline constexpr std::uint64_t kFuzzEventsPerYear = 200'000;
/// Events a replay may take in checkAnalysisPaths (sampled every 10 minutes).
inline constexpr std::uint64_t kFuzzReplayEvents = 20'000;

/// Reads `size` bytes as a YAML topology; when it loads without errors, runs what `analyze` computes,
/// a replay of each scenario (or of a generated region outage and surge) and a three-year Monte Carlo
/// on one thread. Checks that figures stay within 0..1 and that refusals have a code and a message.
/// Time and memory are bounded by the core's own limits (core/model/SizeLimits, the replay's and the
/// Monte Carlo's budgets), which the harness's -timeout and -rss_limit_mb hold it to.
std::string checkAnalysisPaths(const std::uint8_t* data, std::size_t size);

} // namespace firedrill::fuzz
