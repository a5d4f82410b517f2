#include "kiosk/kiosk.hpp"

#include <QCoreApplication>
#include <QQmlEngine>

namespace renshe::kiosk {

namespace {
constexpr const char* kEngineProperty = "_renshe_kiosk";
}

Kiosk::Kiosk(Config config, QObject* parent)
    : QObject(parent),
      m_config(std::move(config)),
      m_connectivity(std::make_unique<Connectivity>(m_config.backoffice, m_config.healthInterval)),
      m_channel(m_config.backoffice ? std::make_shared<services::client::ChannelKeeper>(*m_config.backoffice)
                                    : nullptr),
      m_card(std::make_unique<CardSession>(m_channel, m_config.watchCardReaders)),
      m_jobs(std::make_unique<JobsModel>(m_channel)),
      m_guides(std::make_unique<GuidesModel>(m_channel)) {
    if (m_config.language != m_language) {
        setLanguage(m_config.language);
    }
}

Kiosk::~Kiosk() {
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator.get());
    }
}

void Kiosk::attach(QQmlEngine& engine, Kiosk& kiosk) {
    QJSEngine::setObjectOwnership(&kiosk, QJSEngine::CppOwnership);
    kiosk.m_engine = &engine;
    engine.setProperty(kEngineProperty, QVariant::fromValue(static_cast<QObject*>(&kiosk)));
}

Kiosk* Kiosk::create(QQmlEngine* qmlEngine, QJSEngine*) {
    if (auto* attached = qobject_cast<Kiosk*>(qmlEngine->property(kEngineProperty).value<QObject*>())) {
        return attached;
    }
    auto* standalone = new Kiosk(Config{});
    standalone->m_engine = qmlEngine;
    return standalone;  // the engine owns it (JavaScriptOwnership is the default here)
}

void Kiosk::setElderlyMode(bool on) {
    if (on != m_elderlyMode) {
        m_elderlyMode = on;
        Q_EMIT elderlyModeChanged();
    }
}

bool Kiosk::setLanguage(const QString& code) {
    static const QStringList known = {QStringLiteral("zh_CN"), QStringLiteral("en"), QStringLiteral("ko")};
    if (!known.contains(code)) {
        return false;
    }
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator.get());
        m_translator.reset();
    }
    if (code != QStringLiteral("zh_CN")) {
        auto translator = std::make_unique<QTranslator>();
        if (!translator->load(QStringLiteral(":/i18n/renshe_") + code)) {
            return false;
        }
        QCoreApplication::installTranslator(translator.get());
        m_translator = std::move(translator);
    }
    if (m_language != code) {
        m_language = code;
        Q_EMIT languageChanged();
    }
    if (m_engine) {
        m_engine->retranslate();
    }
    return true;
}

}  // namespace renshe::kiosk
