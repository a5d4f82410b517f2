#include "kiosk/qr_image.hpp"

#include <qrencode.h>

#include <QUrl>
#include <memory>

namespace renshe::kiosk {

QImage qrImage(const QString& text, int moduleSize) {
    const QByteArray utf8 = text.toUtf8();
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code)
        return {};
    constexpr int kQuiet = 4;  // modules of white border the standard asks for
    const int side = (code->width + 2 * kQuiet) * moduleSize;
    QImage img(side, side, QImage::Format_Grayscale8);
    img.fill(255);
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) {
            if ((code->data[y * code->width + x] & 1) == 0)
                continue;
            for (int dy = 0; dy < moduleSize; ++dy) {
                uchar* line = img.scanLine((y + kQuiet) * moduleSize + dy);
                std::fill_n(line + (x + kQuiet) * moduleSize, moduleSize, uchar{0});
            }
        }
    }
    return img;
}

QImage QrImageProvider::requestImage(const QString& id, QSize* size, const QSize& requestedSize) {
    const QString text = QUrl::fromPercentEncoding(id.toUtf8());
    const int want = requestedSize.width() > 0 ? requestedSize.width() : 300;
    QImage probe = qrImage(text, 1);
    if (probe.isNull())
        return {};
    QImage img = qrImage(text, std::max(1, want / probe.width()));
    if (size)
        *size = img.size();
    return img;
}

}  // namespace renshe::kiosk
