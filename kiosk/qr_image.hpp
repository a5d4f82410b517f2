// QR codes for the screen (a job posting's page or contact): image://qr/<percent-encoded
// text> in QML, drawn with libqrencode, black on white with a quiet zone, scaled without
// smoothing so a phone camera reads it from a touchscreen.
#pragma once

#include <QImage>
#include <QQuickImageProvider>
#include <QString>

namespace renshe::kiosk {

// The QR code of `text` (UTF-8, error correction M), `moduleSize` pixels per module; a null
// image when the text does not fit.
QImage qrImage(const QString& text, int moduleSize);

class QrImageProvider : public QQuickImageProvider {
public:
    QrImageProvider() : QQuickImageProvider(QQuickImageProvider::Image) {}
    QImage requestImage(const QString& id, QSize* size, const QSize& requestedSize) override;
};

}  // namespace renshe::kiosk
