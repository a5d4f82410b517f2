// The systemd service notification protocol (sd_notify(3)), without libsystemd: a datagram
// with "READY=1", "WATCHDOG=1", "STOPPING=1" or "STATUS=…" to the unix socket named by
// $NOTIFY_SOCKET (a leading '@' = the abstract namespace). Outside systemd (no
// $NOTIFY_SOCKET) every call does nothing, so the same binary runs under a test harness.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace renshe::util {

// Sends `state` (one or more "KEY=value" lines). Returns false if systemd is not asking for
// notifications or the datagram could not be sent.
bool notifyServiceManager(std::string_view state);

// How often to send WATCHDOG=1 when the unit has WatchdogSec= set ($WATCHDOG_USEC): half the
// timeout, as systemd advises; nullopt = no watchdog. $WATCHDOG_PID names the unit's main
// process; other processes ignore the watchdog unless `underWrapper` (the kiosk, started by
// the cage compositor that is the main process, with NotifyAccess=all).
std::optional<std::chrono::milliseconds> watchdogPingInterval(bool underWrapper = false);

}  // namespace renshe::util
