#include "Appearance.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace firedrill::ui {

namespace {

const char* const kThemeKey = "appearance/theme";

/// Whether the desktop's own palette, as it was before Firedrill set its style, is dark.
bool systemIsDark()
{
    static const bool dark = QApplication::palette().color(QPalette::Window).lightness() < 128;
    return dark;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x30, 0x36);
    const QColor base(0x1f, 0x23, 0x28);
    const QColor text(0xe6, 0xea, 0xee);
    const QColor disabled(0x7b, 0x84, 0x8e);
    const QColor highlight(0x3d, 0x84, 0xd6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x2c, 0x32));
    p.setColor(QPalette::ToolTipBase, QColor(0x38, 0x3e, 0x45));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa4, 0xae));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x33, 0x39, 0x40));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x45, 0x4c, 0x54));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x40, 0x47));
    p.setColor(QPalette::Mid, QColor(0x24, 0x28, 0x2d));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1d, 0x21));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0e, 0x10));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6a, 0xb0, 0xf5));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xf0));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabled);
    }
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x50, 0x57));
    return p;
}

} // namespace

QString themeName(Theme theme)
{
    switch (theme) {
    case Theme::Light: return QStringLiteral("light");
    case Theme::Dark: return QStringLiteral("dark");
    case Theme::System: break;
    }
    return QStringLiteral("system");
}

Theme themeFromName(const QString& name)
{
    if (name == QLatin1String("light"))
        return Theme::Light;
    if (name == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

Theme savedTheme()
{
    return themeFromName(QSettings().value(QLatin1String(kThemeKey)).toString());
}

void saveTheme(Theme theme)
{
    QSettings().setValue(QLatin1String(kThemeKey), themeName(theme));
}

bool isDark(Theme theme)
{
    return theme == Theme::Dark || (theme == Theme::System && systemIsDark());
}

void applyAppearance(Theme theme)
{
    const bool dark = isDark(theme); // reads the desktop's palette before the first change
    if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"))) {
        if (QString::compare(QApplication::style()->name(), QStringLiteral("fusion"), Qt::CaseInsensitive) != 0)
            QApplication::setStyle(fusion);
        else
            delete fusion;
        QApplication::setPalette(dark ? darkPalette() : QApplication::style()->standardPalette());
    }
    QFont font = QApplication::font();
    if (font.pointSizeF() < kMinimumFontPointSize)
        font.setPointSizeF(kMinimumFontPointSize);
    QApplication::setFont(font);
}

} // namespace firedrill::ui
