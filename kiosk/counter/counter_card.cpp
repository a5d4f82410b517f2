#include "kiosk/counter/counter_card.hpp"

#include "drivers/pcsc/pcsc.hpp"

namespace renshe::kiosk::counter {

QString CounterCard::use(const std::function<void(drivers::sscard::SocialSecurityCard&)>& work) {
    try {
        drivers::pcsc::Context context;
        const auto readers = context.listReaders();
        if (readers.empty())
            return tr("没有连接读卡器");
        for (const auto& reader : readers) {
            std::unique_ptr<drivers::pcsc::Card> card;
            try {
                card = context.connect(reader);
            } catch (const drivers::pcsc::NoCard&) {
                continue;
            }
            auto session = card->beginSession();
            drivers::sscard::SocialSecurityCard app(session);
            work(app);
            return {};
        }
        return tr("读卡器中没有卡，请插入社保卡");
    } catch (const drivers::pcsc::ServiceNotRunning&) {
        return tr("读卡服务（pcscd）没有运行");
    } catch (const drivers::sscard::NotSocialSecurityCard&) {
        return tr("这不是社保卡");
    } catch (const drivers::sscard::CardError&) {
        return tr("社保卡已锁定或数据无法读取");
    } catch (const std::exception&) {
        return tr("读卡失败，请重新插卡后再试");
    }
}

}  // namespace renshe::kiosk::counter
