#pragma once

#include "core/model/Region.h"

#include <QString>

namespace firedrill::ui {

class Document;

/// Adds `region` as one undoable step. Returns why it was refused (empty on success): an id that is empty,
/// malformed or taken, an empty name, a zone count out of range, or an unknown pair.
QString addRegion(Document& document, const Region& region);
/// Replaces the region with `region`'s id by `region`, as one undoable step. Returns why it was refused
/// (empty on success), e.g. fewer zones than its components use. Pairs are kept symmetric in the same
/// step: the new partner is paired back (its old partner left unpaired), an old partner is unpaired.
QString changeRegion(Document& document, const Region& region);
/// Deletes the region, as one undoable step; its partner is left unpaired. Refused, with the reason, while
/// components, replicas, links or backup copies still refer to it.
QString removeRegion(Document& document, const QString& id);
/// The largest zone count a region may have in the editor.
inline constexpr int kMaxZones = 6;

} // namespace firedrill::ui
