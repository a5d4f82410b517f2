// The private pcscd + vpcd fixture, seen through our PC/SC layer over the real libpcsclite.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "drivers/pcsc/pcsc.hpp"
#include "tests/fixtures/pcscd.hpp"

namespace pcsc = renshe::drivers::pcsc;
using renshe::testing::PrivatePcscd;
using ::testing::ElementsAre;

TEST(PrivatePcscdFixture, ListsBothVpcdReaders) {
    PrivatePcscd pcscd;
    pcsc::Context ctx;
    EXPECT_THAT(ctx.listReaders(), ElementsAre(pcscd.readerName(0), pcscd.readerName(1)));
    EXPECT_EQ(pcscd.readerName(0), "Renshe Test Reader 00 00");
}

TEST(PrivatePcscdFixture, SecondEntryAddsTwoMoreReaders) {
    PrivatePcscd pcscd(2);
    pcsc::Context ctx;
    EXPECT_THAT(ctx.listReaders(), ElementsAre(pcscd.readerName(0), pcscd.readerName(1),
                                               pcscd.readerName(2), pcscd.readerName(3)));
    EXPECT_EQ(pcscd.readerName(2), "Renshe Test Reader 2 00 00");
}

TEST(PrivatePcscdFixture, StoppedDaemonIsServiceNotRunningAndRestartRecovers) {
    PrivatePcscd pcscd;
    pcscd.stop();
    EXPECT_THROW(pcsc::Context{}, pcsc::ServiceNotRunning);

    pcscd.start();
    pcsc::Context ctx;
    EXPECT_EQ(ctx.listReaders().size(), 2u);
}

TEST(PrivatePcscdFixture, ContextOfADeadDaemonReportsServiceNotRunning) {
    PrivatePcscd pcscd;
    pcsc::Context ctx;
    ASSERT_EQ(ctx.listReaders().size(), 2u);
    pcscd.stop();
    EXPECT_THROW(ctx.listReaders(), pcsc::ServiceNotRunning);
}
