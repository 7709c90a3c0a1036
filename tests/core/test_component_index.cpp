// Topology::findComponent answers from a cache of positions; whatever is done to the public list between
// lookups (appends, removals, renames, reordering, copies), every answer equals a plain scan's.
#include "core/model/Topology.h"

#include <QtTest>
#include <algorithm>
#include <random>
#include <thread>

using namespace firedrill;

namespace {

Component make(const std::string& id)
{
    Component c;
    c.id = ComponentId(id);
    return c;
}

const Component* scan(const Topology& t, const ComponentId& id)
{
    const auto it = std::find_if(t.components.begin(), t.components.end(), [&](const Component& c) { return c.id == id; });
    return it == t.components.end() ? nullptr : &*it;
}

} // namespace

class TestComponentIndex : public QObject
{
    Q_OBJECT
private slots:
    void answersEqualAScanAfterEveryEdit()
    {
        Topology t;
        for (int i = 0; i < 50; ++i)
            t.components.push_back(make("c" + std::to_string(i)));
        std::mt19937 random(7);
        for (int step = 0; step < 2000; ++step) {
            switch (random() % 5) {
            case 0: t.components.push_back(make("n" + std::to_string(step))); break;
            case 1:
                if (!t.components.empty())
                    t.components.erase(t.components.begin() + static_cast<long>(random() % t.components.size()));
                break;
            case 2:
                if (!t.components.empty())
                    t.components[random() % t.components.size()].id = ComponentId("r" + std::to_string(step));
                break;
            case 3: std::shuffle(t.components.begin(), t.components.end(), random); break;
            default: break;
            }
            for (int probe = 0; probe < 5; ++probe) {
                const std::string id = t.components.empty() || probe == 4
                                           ? "absent"
                                           : t.components[random() % t.components.size()].id.str();
                QCOMPARE(t.findComponent(ComponentId(id)), scan(t, ComponentId(id)));
            }
        }
    }

    void duplicatesAnswerTheFirst()
    {
        Topology t;
        t.components = {make("a"), make("b"), make("a")};
        QCOMPARE(t.findComponent(ComponentId("a")), &t.components[0]);
        std::swap(t.components[0], t.components[1]); // b, a, a
        QCOMPARE(t.findComponent(ComponentId("a")), &t.components[1]);
    }

    void copiesLookUpInTheirOwnList()
    {
        Topology t;
        t.components = {make("a"), make("b")};
        QVERIFY(t.findComponent(ComponentId("b")));
        Topology copy = t;
        QVERIFY(copy == t); // the cache is not part of the value
        QCOMPARE(copy.findComponent(ComponentId("b")), &copy.components[1]);
        copy.components.erase(copy.components.begin());
        QCOMPARE(copy.findComponent(ComponentId("b")), &copy.components[0]);
        QCOMPARE(t.findComponent(ComponentId("b")), &t.components[1]);
        t = copy;
        QCOMPARE(t.findComponent(ComponentId("a")), nullptr);
        QCOMPARE(t.findComponent(ComponentId("b")), &t.components[0]);
    }

    void manyThreadsLookUpTogether()
    {
        Topology t;
        for (int i = 0; i < 2000; ++i)
            t.components.push_back(make("c" + std::to_string(i)));
        std::vector<std::thread> threads;
        std::atomic<int> wrong{0};
        for (int n = 0; n < 4; ++n)
            threads.emplace_back([&t, &wrong, n] {
                for (int i = 0; i < 2000; ++i) {
                    const int k = (i * 7 + n) % 2000;
                    if (t.findComponent(ComponentId("c" + std::to_string(k))) != &t.components[static_cast<std::size_t>(k)])
                        ++wrong;
                }
            });
        for (std::thread& th : threads)
            th.join();
        QCOMPARE(wrong.load(), 0);
    }
};

QTEST_GUILESS_MAIN(TestComponentIndex)
#include "test_component_index.moc"
