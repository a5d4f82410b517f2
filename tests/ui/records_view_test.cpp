// 我的社保's words (RecordsView): each insurance type in one plain sentence, the way a
// citizen reads it aloud — status, years and months paid, the latest month, what is owed.
#include "kiosk/records_view.hpp"

#include <gtest/gtest.h>

namespace {

using renshe::kiosk::RecordsView;
using namespace renshe::v1;

InsuranceSummary summary(InsuranceType type, ParticipationStatus status, int paid,
                         const char* latest, int owed) {
    InsuranceSummary s;
    s.set_type(type);
    s.set_status(status);
    s.set_paid_months(paid);
    s.set_latest_paid_month(latest);
    s.set_owed_months(owed);
    return s;
}

TEST(RecordsWords, OneSentencePerInsuranceType) {
    EXPECT_EQ(
        RecordsView::summaryLine(summary(INSURANCE_TYPE_EMPLOYEE_PENSION,
                                         PARTICIPATION_STATUS_CONTRIBUTING, 280, "2026-12", 0),
                                 QStringLiteral("2026-12")),
        QString::fromUtf8("企业职工基本养老保险：正常参保，累计缴费23年4个月，本月已缴"));
    EXPECT_EQ(RecordsView::summaryLine(summary(INSURANCE_TYPE_EMPLOYEE_PENSION,
                                               PARTICIPATION_STATUS_RECEIVING, 352, "2007-04", 0),
                                       QStringLiteral("2026-12")),
              QString::fromUtf8(
                  "企业职工基本养老保险：正在领取待遇，累计缴费29年4个月，最近缴到2007年04月"));
    EXPECT_EQ(
        RecordsView::summaryLine(
            summary(INSURANCE_TYPE_UNEMPLOYMENT, PARTICIPATION_STATUS_INTERRUPTED, 5, "2025-03", 2),
            QStringLiteral("2026-12")),
        QString::fromUtf8("失业保险：中断缴费，累计缴费5个月，最近缴到2025年03月，欠缴2个月"));
    EXPECT_EQ(RecordsView::summaryLine(summary(INSURANCE_TYPE_RESIDENT_MEDICAL,
                                               PARTICIPATION_STATUS_CONTRIBUTING, 24, "", 0),
                                       QStringLiteral("2026-12")),
              QString::fromUtf8("城乡居民基本医疗保险：正常参保，累计缴费2年"));
    EXPECT_EQ(RecordsView::yuan(21550), QString::fromUtf8("215.50元"));
}

TEST(RecordsWords, NothingShownBeforeRecordsArriveOrAfterTheyAreCleared) {
    RecordsView view;
    EXPECT_FALSE(view.shown());
    EXPECT_TRUE(view.summaryLines().isEmpty());
    EXPECT_TRUE(view.holder().isEmpty());
    EXPECT_FALSE(view.canShowEarlier());
    renshe::kiosk::card::RecordsData data;
    data.year = 2026;
    data.summary.mutable_holder()->set_masked_name("张*丰");
    *data.summary.add_insurances() = summary(INSURANCE_TYPE_EMPLOYEE_PENSION,
                                             PARTICIPATION_STATUS_CONTRIBUTING, 30, "2026-10", 1);
    data.summary.mutable_insurances(0)->set_first_month("2024-05");
    auto* owed = &data.contributions.emplace_back();
    owed->set_month("2026-11");
    owed->set_paid(false);
    auto* paid = &data.contributions.emplace_back();
    paid->set_month("2026-10");
    paid->set_paid(true);
    paid->mutable_personal()->set_fen(32000);
    view.show(data, nullptr);
    EXPECT_TRUE(view.shown());
    EXPECT_EQ(view.summaryLines().size(), 1);
    const auto months = view.months();
    ASSERT_EQ(months.size(), 12);
    EXPECT_EQ(months[10].toMap().value("state").toString(), "owed");
    EXPECT_EQ(months[10].toMap().value("mark").toString(), QString::fromUtf8("欠缴"));
    EXPECT_EQ(months[9].toMap().value("state").toString(), "paid");
    EXPECT_EQ(months[0].toMap().value("state").toString(), "none");
    EXPECT_EQ(view.yearSummary(), QString::fromUtf8("2026年已缴1个月，欠缴1个月"));
    EXPECT_TRUE(view.spokenText().endsWith(QString::fromUtf8("。2026年已缴1个月，欠缴1个月")))
        << view.spokenText().toStdString();
    view.clear();
    EXPECT_FALSE(view.shown());
    EXPECT_TRUE(view.summaryLines().isEmpty());
    EXPECT_EQ(view.months()[9].toMap().value("state").toString(), "none");  // the data is gone
}

// Garbage on the wire (a month that is not "YYYY-MM") draws nothing for it and breaks nothing.
TEST(RecordsWords, AMonthThatIsNotOneIsLeftOut) {
    RecordsView view;
    renshe::kiosk::card::RecordsData data;
    data.year = 2026;
    for (const char* bad : {"2026-1", "abcd-ef", "", "2026-13", "2026/05"}) {
        auto* c = &data.contributions.emplace_back();
        c->set_month(bad);
        c->set_paid(true);
    }
    data.summary.add_insurances()->set_first_month("19x1-01");
    view.show(data, nullptr);
    for (const auto& m : view.months())
        EXPECT_EQ(m.toMap().value("state").toString(), "none");
    EXPECT_EQ(view.yearSummary(), QString::fromUtf8("2026年没有缴费记录"));
}

}  // namespace
