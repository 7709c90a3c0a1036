// Approval of drill plans: the transitions, the refusals and the append-only audit trail.
#include "core/drill/PlanApproval.h"

#include <QtTest>

using namespace firedrill;
using namespace std::chrono;

namespace {
sys_seconds at(int day, int hour)
{
    return sys_days{year{2027} / January / day} + hours{hour};
}
} // namespace

class TestDrillApproval : public QObject
{
    Q_OBJECT
private slots:
    void newPlanIsADraft()
    {
        const PlanApproval a;
        QCOMPARE(a.state(), ApprovalState::Draft);
        QCOMPARE(a.revision(), 1);
        QVERIFY(a.trail().empty());
        QVERIFY(a.approvedBy().empty());
    }

    void submitAndApproveRecordWhoWhenAndComment()
    {
        PlanApproval a;
        QVERIFY(a.submit("alice", at(4, 9), "ready for review").ok());
        QCOMPARE(a.state(), ApprovalState::InReview);
        QVERIFY(a.approve("bob", at(4, 15), "looks right").ok());
        QCOMPARE(a.state(), ApprovalState::Approved);
        QCOMPARE(a.approvedBy(), std::string("bob"));
        QCOMPARE(a.trail().size(), std::size_t(2));
        const ApprovalEvent& e = a.trail().back();
        QCOMPARE(e.action, ApprovalAction::Approve);
        QCOMPARE(e.from, ApprovalState::InReview);
        QCOMPARE(e.to, ApprovalState::Approved);
        QCOMPARE(e.who, std::string("bob"));
        QCOMPARE(e.when, at(4, 15));
        QCOMPARE(e.comment, std::string("looks right"));
        QCOMPARE(e.revision, 1);
    }

    void invalidTransitionsAreRefusedAndChangeNothing()
    {
        PlanApproval a;
        auto r = a.approve("bob", at(4, 9));
        QVERIFY(!r);
        QCOMPARE(r.error().code, std::string("approval-invalid-transition"));
        QVERIFY(r.error().message.find("draft") != std::string::npos);
        QVERIFY(a.trail().empty());

        QVERIFY(a.submit("alice", at(4, 9)).ok());
        auto twice = a.submit("alice", at(4, 10));
        QVERIFY(!twice);
        QCOMPARE(twice.error().code, std::string("approval-invalid-transition"));
        auto editing = a.edit("alice", at(4, 10));
        QVERIFY(!editing); // withdraw first
        QCOMPARE(a.state(), ApprovalState::InReview);
        QCOMPARE(a.trail().size(), std::size_t(1));

        auto self = a.approve("alice", at(4, 11));
        QVERIFY(!self);
        QCOMPARE(self.error().code, std::string("approval-self-approval"));

        auto silent = a.requestChanges("bob", at(4, 11), "");
        QVERIFY(!silent);
        QCOMPARE(silent.error().code, std::string("approval-comment-required"));

        auto anonymous = a.approve("", at(4, 11));
        QVERIFY(!anonymous);
        QCOMPARE(anonymous.error().code, std::string("approval-anonymous"));

        auto backwards = a.approve("bob", at(3, 11));
        QVERIFY(!backwards);
        QCOMPARE(backwards.error().code, std::string("approval-out-of-order"));
        QVERIFY(backwards.error().message.find("2027-01-03T11:00:00Z") != std::string::npos);

        QCOMPARE(a.state(), ApprovalState::InReview);
        QCOMPARE(a.trail().size(), std::size_t(1));
    }

    void changesRequestedGoesBackToDraft()
    {
        PlanApproval a;
        QVERIFY(a.submit("alice", at(4, 9)).ok());
        QVERIFY(a.requestChanges("carol", at(4, 12), "add the DNS step").ok());
        QCOMPARE(a.state(), ApprovalState::ChangesRequested);
        QVERIFY(!a.submit("alice", at(4, 13))); // address the changes first
        QVERIFY(!a.approve("bob", at(4, 13)));
        QVERIFY(a.edit("alice", at(5, 9), "added the DNS step").ok());
        QCOMPARE(a.state(), ApprovalState::Draft);
        QCOMPARE(a.revision(), 1); // never approved: still the first revision
        QVERIFY(a.submit("alice", at(5, 10)).ok());
        QVERIFY(a.withdraw("alice", at(5, 11), "one more fix").ok());
        QCOMPARE(a.state(), ApprovalState::Draft);
    }

    void editingAnApprovedPlanStartsANewRevision()
    {
        PlanApproval a;
        QVERIFY(a.submit("alice", at(4, 9)).ok());
        QVERIFY(a.approve("bob", at(4, 10)).ok());
        QVERIFY(a.edit("alice", at(6, 9), "new runbook link").ok());
        QCOMPARE(a.revision(), 2);
        QCOMPARE(a.state(), ApprovalState::Draft);
        QVERIFY(a.approvedBy().empty());
        const ApprovalEvent& e = a.trail().back();
        QCOMPARE(e.revision, 2);
        QCOMPARE(e.from, ApprovalState::Approved);
        QCOMPARE(e.to, ApprovalState::Draft);
        // The approval of revision 1 stays in the trail, unchanged.
        QCOMPARE(a.trail()[1].action, ApprovalAction::Approve);
        QCOMPARE(a.trail()[1].revision, 1);
        QVERIFY(a.submit("alice", at(6, 10)).ok());
        QVERIFY(a.approve("bob", at(6, 11)).ok());
        QCOMPARE(a.trail().back().revision, 2);
        QCOMPARE(a.trail().size(), std::size_t(5));
    }

    void trailReplaysAndRefusesTampering()
    {
        PlanApproval a;
        QVERIFY(a.submit("alice", at(4, 9)).ok());
        QVERIFY(a.approve("bob", at(4, 10)).ok());
        QVERIFY(a.edit("alice", at(6, 9)).ok());
        auto back = PlanApproval::fromTrail(a.trail());
        QVERIFY(back.ok());
        QCOMPARE(back->state(), a.state());
        QCOMPARE(back->revision(), 2);
        QVERIFY(back->trail() == a.trail());

        std::vector<ApprovalEvent> tampered = a.trail();
        tampered[1].to = ApprovalState::ChangesRequested;
        auto bad = PlanApproval::fromTrail(tampered);
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, std::string("approval-bad-trail"));
        QVERIFY(bad.error().message.find("Entry 2") != std::string::npos);
    }

    void namesRoundTrip()
    {
        for (auto s : {ApprovalState::Draft, ApprovalState::InReview, ApprovalState::Approved,
                       ApprovalState::ChangesRequested})
            QCOMPARE(approvalStateFromName(approvalStateName(s)), std::optional<ApprovalState>(s));
        QCOMPARE(approvalStateName(ApprovalState::ChangesRequested), std::string_view("changes-requested"));
        QVERIFY(!approvalStateFromName("accepted"));
        QCOMPARE(approvalActionFromName("request-changes"),
                 std::optional<ApprovalAction>(ApprovalAction::RequestChanges));
    }
};

QTEST_GUILESS_MAIN(TestDrillApproval)
#include "test_drill_approval.moc"
