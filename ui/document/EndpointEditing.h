#pragma once

#include "core/model/Component.h"

#include <QString>

#include <vector>

namespace firedrill::ui {

class Document;

/// Whether `from` routes traffic to the components it is connected to (a traffic manager, a front door):
/// connecting from it adds an endpoint, not a dependency.
bool routesToEndpoints(const Component& from);

/// The endpoint the router `router` gets when `target` is added to it: priority routing numbers it after the
/// last one (lower is preferred), weighted routing gives it weight 1, performance routing needs neither.
Endpoint newEndpoint(const Component& router, ComponentId target);

/// Adds `target` as an endpoint of the router `router`, as one undo step; false when `router` is not a
/// router, `target` is unknown or the router itself, or it is an endpoint already.
bool addEndpoint(Document& document, const QString& router, const QString& target);

/// Replaces the endpoints of `router` by `endpoints`, as one undo step named `text`; with `merge`,
/// successive changes (a spin box being stepped) become one step. False when nothing changes.
bool setEndpoints(Document& document, const QString& router, std::vector<Endpoint> endpoints, const QString& text,
                  bool merge = false);

/// Connects `from` to `to` as the user means it: from a router an endpoint, otherwise a hard dependency.
bool linkComponents(Document& document, const QString& from, const QString& to);

} // namespace firedrill::ui
