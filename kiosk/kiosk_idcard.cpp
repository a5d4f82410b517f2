// The Kiosk's resident ID card reader: a worker polls it (kiosk/idcard_watcher.hpp); a card
// read goes to whichever screen is asking for an ID number now (the loss report's first step,
// certification without a card), and is wiped once handed over. Nobody asking: dropped unread
// by anyone. The reader is re-armed whenever such a page opens, so a card placed early
// counts.
#include "kiosk/idcard_messages.hpp"
#include "kiosk/kiosk.hpp"
#include "kiosk/ui_async.hpp"

namespace renshe::kiosk {

namespace idcard = drivers::idcard;

namespace {
// A card on its way to the UI thread: wiped by its last owner, handed over or not.
struct WipedIdCard {
    idcard::IdCard card;
    ~WipedIdCard() { card.cleanse(); }
};
}  // namespace

void Kiosk::startIdCardReader() {
    if (m_config.idCardDevice.isEmpty())
        return;
    IdCardWatcher::Options o;
    o.device = m_config.idCardDevice.toStdString();
    QPointer<QObject> self(this);
    IdCardWatcher::Callbacks cb;
    cb.read = [self, this](const idcard::IdCard& card) {
        // A copy (the watcher wipes its own; a move would leave short strings' bytes behind).
        auto shared = std::make_shared<WipedIdCard>();
        shared->card = card;
        postToUi(self, [this, shared] { idCardRead(shared->card); });
    };
    cb.problem = [self, this](idcard::Problem p) {
        postToUi(self, [this, p] { idCardProblem(p); });
    };
    cb.presenceChanged = [self, this] { postToUi(self, [this] { idCardPresenceChanged(); }); };
    m_idCard = std::make_unique<IdCardWatcher>(std::move(o), std::move(cb));
}

bool Kiosk::idCardReaderReady() const {
    return m_idCard && m_idCard->presence() == IdCardWatcher::Presence::Present;
}

void Kiosk::idCardPresenceChanged() {
    const bool ready = idCardReaderReady();
    m_lossReport->setIdCardReaderReady(ready);
    m_applications->setIdCardReaderReady(ready);
    m_certification->setIdCardReaderReady(ready);
    Q_EMIT idCardReaderChanged();
    if (m_heartbeat)
        m_heartbeat->beat();  // operators see a reader come or go without waiting 30 s
}

void Kiosk::idCardRead(idcard::IdCard& card) {
    touched();
    const std::string today = IdCardMessages::today();
    if (m_screen == Screen::LossReport && m_lossReport->wantsIdCard())
        m_lossReport->useIdCard(card.text, today);
    else if (m_screen == Screen::Applications && m_applications->wantsIdCard())
        m_applications->useIdCard(card.text, today);
    else if (m_certification->wantsIdCard())
        m_certification->useIdCard(card.text, today);
    card.cleanse();
}

void Kiosk::idCardProblem(idcard::Problem p) {
    // Whatever broke the last read, a reader that is not working now is what the citizen
    // needs to hear about: use the digit pad.
    if (!idCardReaderReady())
        p = idcard::Problem::SamFault;
    if (m_screen == Screen::LossReport && m_lossReport->wantsIdCard())
        m_lossReport->showIdCardProblem(p);
    else if (m_screen == Screen::Applications && m_applications->wantsIdCard())
        m_applications->showIdCardProblem(p);
    else if (m_certification->wantsIdCard())
        m_certification->showIdCardProblem(p);
}

void Kiosk::checkIdCardWanted() {
    // Re-armed when a page that asks for an ID number opens, not when its first step comes
    // back (上一步, a refusal): a card still lying there is read again only once re-placed.
    const bool open = m_screen == Screen::LossReport || m_screen == Screen::Applications ||
                      m_certification->stage() != CertificationSession::Stage::Idle;
    if (open && !m_idCardPageOpen && m_idCard)
        m_idCard->rearm();
    m_idCardPageOpen = open;
}

void Kiosk::reportIdCardReader(renshe::v1::DeviceStatus& d) const {
    if (!m_idCard) {
        d.set_id_card_reader(renshe::v1::DEVICE_PRESENCE_ABSENT);
        return;
    }
    switch (m_idCard->presence()) {
        case IdCardWatcher::Presence::Present:
            d.set_id_card_reader(renshe::v1::DEVICE_PRESENCE_PRESENT);
            d.set_id_card_sam_id(m_idCard->samId());
            break;
        case IdCardWatcher::Presence::Error:
            d.set_id_card_reader(renshe::v1::DEVICE_PRESENCE_ERROR);
            break;
        case IdCardWatcher::Presence::Absent:
            d.set_id_card_reader(renshe::v1::DEVICE_PRESENCE_ABSENT);
            break;
    }
}

}  // namespace renshe::kiosk
