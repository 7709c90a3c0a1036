#pragma once

#include "core/model/Component.h"
#include "core/model/Result.h"

#include <string>
#include <string_view>

#include <QWidget>
#include <functional>
#include <vector>

class QFormLayout;
class QLabel;
class QScrollArea;

namespace firedrill::ui {

class Document;
class RegionEditor;
class UnitField;
struct ChangeEvent;

/// Edits the selected component's properties: a line edit for the name, combo boxes for enums and
/// placement, spin boxes for counts and unit-aware fields for durations, percentages and sizes. Every edit
/// is one command on the document's undo stack; refused text shows its reason in red beside the field.
class InspectorPanel : public QWidget
{
    Q_OBJECT

public:
    /// An inspector editing components of `document`.
    explicit InspectorPanel(Document* document, QWidget* parent = nullptr);

    /// Shows the component `id` (empty or unknown: a hint).
    void showComponent(const QString& id);
    /// Shows the editors of the region `id` (name, zones, pair) instead of a component's.
    void showRegion(const QString& id);
    /// The region editors (shown by showRegion()).
    RegionEditor* regionEditor() const { return m_region; }
    /// The component shown, or empty.
    const QString& componentId() const { return m_id; }
    /// The unit field named `name` ("sla", "mtbf", ...), or nullptr.
    UnitField* unitField(const QString& name) const;

private:
    void rebuild();
    void refresh();
    void onChanged(const ChangeEvent& event);
    const Component* component() const;
    void addPlacementEditors();
    void addEnumEditors();
    void addCountEditors();
    void addUnitEditors();
    template <class T>
    void addUnit(const QString& name, const QString& label, std::optional<T> Component::*member,
                 std::function<Result<T>(std::string_view)> parse, std::function<std::string(T)> format,
                 std::function<QString(const T&)> limit = {});
    template <class S>
    void addPart(const QString& name, const QString& label, std::optional<S> Component::*member,
                 std::function<QString(const QString&)> check, std::function<QString(const Component&)> show,
                 std::function<std::optional<S>(std::optional<S>, const QString&)> edit);
    void addEngineEditors();
    void addDependencies();
    void addEndpoints();
    void addReplicas();
    /// A bold title spanning the form, above a group of rows.
    void addSection(const QString& title);

    Document* m_document;
    QString m_id;
    QScrollArea* m_scroll = nullptr;
    QWidget* m_form = nullptr;
    QFormLayout* m_layout = nullptr;
    QLabel* m_hint = nullptr;
    RegionEditor* m_region = nullptr;
    std::vector<std::function<void(const Component&)>> m_refreshers;
    std::vector<UnitField*> m_unitFields;
    int m_spinSession = 0;
    std::size_t m_dependencyCount = 0;
};

} // namespace firedrill::ui
