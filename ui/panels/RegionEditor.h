#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace firedrill::ui {

class Document;
struct ChangeEvent;

/// The inspector's editors for one region: name, zone count and pair, each change one undoable step;
/// refused changes show the reason under the fields. "Delete Region" is refused while anything is in it.
class RegionEditor : public QWidget
{
    Q_OBJECT

public:
    explicit RegionEditor(Document* document, QWidget* parent = nullptr);

    /// Edits the region `id` (empty: none).
    void showRegion(const QString& id);
    /// The region edited.
    const QString& regionId() const { return m_id; }
    /// The reason the last change was refused (empty when it was applied).
    QString errorText() const;

private:
    void refresh();
    void apply();
    void remove();

    Document* m_document;
    QString m_id;
    bool m_refreshing = false;
    QLabel* m_title;
    QLineEdit* m_name;
    QSpinBox* m_zones;
    QComboBox* m_pair;
    QLabel* m_error;
    QPushButton* m_delete;
};

} // namespace firedrill::ui
