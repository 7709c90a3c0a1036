// EditorActions' Arrange menu: Tidy Layout and the Align / Distribute commands over the selected cards.

#include "EditorActions.h"

#include "ui/document/Document.h"
#include "ui/document/commands/ReplaceComponentsCommand.h"
#include "ui/editor/CardArrangement.h"
#include "ui/editor/TopologyScene.h"

#include <QAction>
#include <QMenu>

namespace firedrill::ui {

void EditorActions::populateArrangeMenu(QMenu* arrange)
{
    QAction* tidy = addEdit(arrange, "actionTidy", tr("&Tidy Layout"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    tidy->setToolTip(tr("Hand the selected cards (or, with nothing selected, every card) back to the automatic "
                        "layout (Ctrl+Shift+L)"));
    connect(tidy, &QAction::triggered, this, &EditorActions::tidyLayout);
    arrange->addSeparator();
    struct Entry
    {
        const char* name;
        QString text;
        QKeySequence key;
        AlignMode mode;
    };
    const Entry entries[] = {
        {"actionAlignLeft", tr("Align &Left Edges"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Left), AlignMode::Left},
        {"actionAlignCentre", tr("Align Centres &Vertically"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_V),
         AlignMode::HorizontalCentre},
        {"actionAlignRight", tr("Align &Right Edges"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Right), AlignMode::Right},
        {"actionAlignTop", tr("Align &Top Edges"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Up), AlignMode::Top},
        {"actionAlignMiddle", tr("Align Centres &Horizontally"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_H),
         AlignMode::VerticalCentre},
        {"actionAlignBottom", tr("Align &Bottom Edges"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Down), AlignMode::Bottom},
        {"actionDistributeHorizontally", tr("Distribute &Across"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_H),
         AlignMode::DistributeHorizontally},
        {"actionDistributeVertically", tr("Distribute &Down"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_V),
         AlignMode::DistributeVertically},
    };
    QList<QAction*> aligns;
    for (const Entry& e : entries) {
        if (e.mode == AlignMode::Top || e.mode == AlignMode::DistributeHorizontally)
            arrange->addSeparator();
        QAction* a = addEdit(arrange, e.name, e.text, e.key);
        const AlignMode mode = e.mode;
        connect(a, &QAction::triggered, this, [this, mode] { alignSelection(mode); });
        a->setData(mode == AlignMode::DistributeHorizontally || mode == AlignMode::DistributeVertically ? 3 : 2);
        aligns << a;
    }
    auto update = [this, aligns] {
        const qsizetype selected = m_scene->selectedCardIds().size();
        for (QAction* a : aligns)
            a->setEnabled(!m_document->isReadOnly() && selected >= a->data().toInt());
    };
    connect(m_scene, &TopologyScene::selectionIdsChanged, this, update);
    update();
}

bool EditorActions::tidyLayout()
{
    const QStringList selected = m_scene->selectedComponentIds();
    std::vector<Component> changed = tidyCards(m_document->topology(), selected);
    if (changed.empty())
        return false;
    const QString text = selected.isEmpty() ? tr("Tidy the layout") : tr("Tidy %n card(s)", nullptr, static_cast<int>(changed.size()));
    m_document->push(new ReplaceComponentsCommand(m_document, std::move(changed), text));
    return true;
}

bool EditorActions::alignSelection(AlignMode mode)
{
    const QStringList cards = m_scene->selectedCardIds();
    std::vector<Component> changed = alignCards(m_document->topology(), m_document->layout(), cards, mode);
    if (changed.empty())
        return false;
    const bool distribute = mode == AlignMode::DistributeHorizontally || mode == AlignMode::DistributeVertically;
    const QString text = distribute ? tr("Distribute %n card(s)", nullptr, static_cast<int>(cards.size()))
                                    : tr("Align %n card(s)", nullptr, static_cast<int>(cards.size()));
    m_document->push(new ReplaceComponentsCommand(m_document, std::move(changed), text));
    return true;
}

} // namespace firedrill::ui
