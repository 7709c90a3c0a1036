#pragma once

#include "core/drill/DrillRecord.h"
#include "core/model/Result.h"

#include <QWidget>
#include <optional>

class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace firedrill::ui {

class DrillBook;

/// Writes down a real drill of the plan being looked at: when the fault started, per step the actual
/// start and finish (since the fault, "12m" or "1h5m"), outcome and a note, the measured RTO and RPO,
/// observations, issues and action items ("title; owner; 2027-02-01; done"). Beside it, the after-action
/// report core writes from the record compared with the plan and the policy.
class RecordPanel : public QWidget
{
    Q_OBJECT

public:
    /// A panel recording drills of the current plan of `book`.
    explicit RecordPanel(DrillBook* book, QWidget* parent = nullptr);

    /// The record the form describes; the error names the field that cannot be read.
    Result<DrillRecord> formRecord() const;

private:
    void refresh();
    void showRecord(int index);
    void fillSteps(const DrillRecord* record);
    void updateReport();
    void save();

    DrillBook* m_book = nullptr;
    QComboBox* m_chooser = nullptr;
    QDateTimeEdit* m_faultStart = nullptr;
    QTableWidget* m_steps = nullptr;
    QLineEdit* m_rto = nullptr;
    QLineEdit* m_rpo = nullptr;
    QPlainTextEdit* m_observations = nullptr;
    QPlainTextEdit* m_issues = nullptr;
    QPlainTextEdit* m_actions = nullptr;
    QPushButton* m_save = nullptr;
    QTextBrowser* m_report = nullptr;
    std::optional<std::int64_t> m_editing; ///< id of the stored record in the form; absent for a new one
};

} // namespace firedrill::ui
