import QtQuick
import QtTest
import Renshe.Components
import Renshe.Kiosk
import Renshe.Screens

// TestCase itself is invisible, so what the tests create lives in this visible root.
Item {
    id: root
    width: 1280
    height: 960

    TestCase {
        name: "HomeScreen"
        when: windowShown

        Component { id: homeComponent; HomeScreen { anchors.fill: parent } }

        function cleanup() {
            Kiosk.setLanguage("zh_CN")
            Kiosk.elderlyMode = false
        }

        function test_shows_the_four_services_in_chinese_first() {
            const home = createTemporaryObject(homeComponent, root)
            compare(findChild(home, "tileCard").title, "社保卡服务")
            compare(findChild(home, "tileCertification").title, "养老资格认证")
            compare(findChild(home, "tileJobs").title, "就业信息")
            compare(findChild(home, "tileGuides").title, "办事指南")
            compare(findChild(home, "insertCardPrompt").text, "请插入社保卡")
        }

        function test_language_tiles_switch_all_text() {
            const home = createTemporaryObject(homeComponent, root)
            mouseClick(findChild(home, "languageEn"))
            compare(Kiosk.language, "en")
            compare(findChild(home, "insertCardPrompt").text, "Please insert your social security card")
            compare(findChild(home, "tileJobs").title, "Jobs")
            mouseClick(findChild(home, "languageKo"))
            compare(findChild(home, "tileJobs").title, "일자리 정보")
            mouseClick(findChild(home, "languageZh"))
            compare(findChild(home, "tileJobs").title, "就业信息")
        }

        function test_card_tiles_without_a_card_say_what_comes_first() {
            const home = createTemporaryObject(homeComponent, root)
            const prompt = findChild(home, "insertCardPrompt")
            // Certification needs no card: the ID number is asked for instead.
            mouseClick(findChild(home, "tileCertification"))
            compare(Kiosk.certification.stage, CertificationSession.EnterId)
            Kiosk.certification.reset()
            compare(prompt.text, "请插入社保卡")
            mouseClick(findChild(home, "tileCard"))
            compare(prompt.text, "请把社保卡插入读卡器，芯片朝上")
            home.hint = ""
            compare(prompt.text, "请插入社保卡")
        }

        function test_unknown_language_is_refused() {
            verify(!Kiosk.setLanguage("fr"))
            compare(Kiosk.language, "zh_CN")
        }

        function test_elderly_toggle_flips_the_mode() {
            const home = createTemporaryObject(homeComponent, root)
            const toggle = findChild(home, "elderlyToggle")
            compare(toggle.title, "大字模式")
            mouseClick(toggle)
            verify(Kiosk.elderlyMode)
            compare(toggle.title, "标准字体")
        }

        function test_without_a_back_office_the_kiosk_is_offline() {
            compare(Kiosk.connectivity.state, Connectivity.Offline)
        }
    }
}
