#pragma once

// What the fuzz harnesses and the corpus replay test run on one input: the real import and open paths,
// plus the properties every outcome must have. Each returns an empty string when all held, otherwise
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

} // namespace firedrill::fuzz
