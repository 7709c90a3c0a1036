#pragma once

#include "Component.h"
#include "Region.h"
#include "Scenario.h"
#include "Workload.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace firedrill {

/// One enum value and its spelling in topology files.
template <class E>
struct EnumName
{
    E value;
    std::string_view name;
};

/// The spelling table of an enum; specialised for every enum the file format uses.
template <class E>
std::span<const EnumName<E>> enumNames();

template <> std::span<const EnumName<SiteKind>> enumNames<SiteKind>();
template <> std::span<const EnumName<RoutingMethod>> enumNames<RoutingMethod>();
template <> std::span<const EnumName<ReplicaRole>> enumNames<ReplicaRole>();
template <> std::span<const EnumName<ReplicationMode>> enumNames<ReplicationMode>();
template <> std::span<const EnumName<FailoverMode>> enumNames<FailoverMode>();
template <> std::span<const EnumName<StorageRedundancy>> enumNames<StorageRedundancy>();
template <> std::span<const EnumName<DependencyKind>> enumNames<DependencyKind>();
template <> std::span<const EnumName<StrategyKind>> enumNames<StrategyKind>();
template <> std::span<const EnumName<DisruptionClass>> enumNames<DisruptionClass>();
template <> std::span<const EnumName<FaultKind>> enumNames<FaultKind>();
template <> std::span<const EnumName<ComponentKind>> enumNames<ComponentKind>();

/// The file spelling of an enum value.
template <class E>
std::string_view toName(E value)
{
    for (const auto& entry : enumNames<E>())
        if (entry.value == value)
            return entry.name;
    return "?";
}

/// Parses a file spelling; nullopt when it is not one of the names.
template <class E>
std::optional<E> fromName(std::string_view name)
{
    for (const auto& entry : enumNames<E>())
        if (entry.name == name)
            return entry.value;
    return std::nullopt;
}

/// "a, b or c": the accepted spellings, for error messages.
template <class E>
std::string nameList()
{
    std::string out;
    const auto names = enumNames<E>();
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0)
            out += (i + 1 == names.size()) ? " or " : ", ";
        out += names[i].name;
    }
    return out;
}

} // namespace firedrill
