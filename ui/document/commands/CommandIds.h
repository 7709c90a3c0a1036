#pragma once

namespace firedrill::ui::CommandId {

/// QUndoCommand::id() values of the commands that merge.
enum : int { MoveComponent = 1, ChangeComponentField = 2, SetPolicies = 4, SetScenario = 6 };

} // namespace firedrill::ui::CommandId
