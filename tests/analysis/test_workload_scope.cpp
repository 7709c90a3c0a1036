// Which components a workload uses: reached from its entry, or its explicit list; always in topology order.
#include "core/analysis/WorkloadScope.h"

#include <QtTest>

#include <string>

using namespace firedrill;

namespace {

Component component(const char* id, std::initializer_list<const char*> dependsOn = {},
                    std::initializer_list<const char*> endpoints = {})
{
    Component c;
    c.id = ComponentId{id};
    c.kind = ComponentKind::AppService;
    for (const char* d : dependsOn)
        c.dependsOn.push_back({ComponentId{d}, DependencyKind::Hard});
    for (const char* e : endpoints)
        c.endpoints.push_back({ComponentId{e}, {}, {}});
    return c;
}

QString ids(const std::vector<const Component*>& members)
{
    QStringList out;
    for (const Component* c : members)
        out << QString::fromStdString(c->id.str());
    return out.join(QLatin1Char(' '));
}

/// tm routes to web1 and web2; web1 -> db -> web1 (a cycle); web2 -> cache, web2 -> ghost (missing);
/// island depends on db but nothing reaches island.
Topology shop()
{
    Topology t;
    t.components = {component("island", {"db"}),   component("db", {"web1"}),
                    component("web2", {"cache", "ghost"}), component("cache"),
                    component("web1", {"db"}),     component("tm", {}, {"web1", "web2"})};
    return t;
}

} // namespace

class TestWorkloadScope : public QObject
{
    Q_OBJECT
private slots:
    void reachedFromTheEntryInTopologyOrder()
    {
        const Topology t = shop();
        Workload w;
        w.entry = ComponentId{"tm"};
        // tm, its endpoints web1 and web2, then db (cycle back to web1) and cache; ghost does not exist and
        // island is not reached. Listed in the order of t.components, not of discovery.
        QCOMPARE(ids(workloadComponents(t, w)), QStringLiteral("db web2 cache web1 tm"));
        w.entry = ComponentId{"web2"};
        QCOMPARE(ids(workloadComponents(t, w)), QStringLiteral("web2 cache"));
        w.entry = ComponentId{"cache"};
        QCOMPARE(ids(workloadComponents(t, w)), QStringLiteral("cache"));
    }

    void aMissingEntryUsesNothing()
    {
        const Topology t = shop();
        Workload w;
        w.entry = ComponentId{"ghost"};
        QCOMPARE(ids(workloadComponents(t, w)), QString());
    }

    void anExplicitListIsExactWithItsEntry()
    {
        const Topology t = shop();
        Workload w;
        w.entry = ComponentId{"tm"};
        w.components = {ComponentId{"island"}, ComponentId{"ghost"}, ComponentId{"cache"}};
        // Nothing is followed from the list or the entry; the missing id is skipped.
        QCOMPARE(ids(workloadComponents(t, w)), QStringLiteral("island cache tm"));
    }

    void aRepeatedIdIsInWithItsFirst()
    {
        // An invalid topology (the validator reports the repeat) still answers for both copies.
        Topology t = shop();
        t.components.push_back(component("cache"));
        Workload w;
        w.entry = ComponentId{"web2"};
        QCOMPARE(ids(workloadComponents(t, w)), QStringLiteral("web2 cache cache"));
    }

    void aLongChainIsFollowedWithoutRecursion()
    {
        Topology t;
        constexpr int kLength = 100000;
        for (int i = 0; i < kLength; ++i) {
            Component c = component(("c" + std::to_string(i)).c_str());
            if (i + 1 < kLength)
                c.dependsOn.push_back({ComponentId{"c" + std::to_string(i + 1)}, DependencyKind::Soft});
            t.components.push_back(std::move(c));
        }
        Workload w;
        w.entry = ComponentId{"c50000"};
        const auto members = workloadComponents(t, w);
        QCOMPARE(members.size(), std::size_t{50000});
        QCOMPARE(members.front()->id.str(), std::string("c50000"));
        QCOMPARE(members.back()->id.str(), std::string("c99999"));
    }
};

QTEST_APPLESS_MAIN(TestWorkloadScope)
#include "test_workload_scope.moc"
