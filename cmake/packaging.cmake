# Installation layout and Debian packages (CPack DEB), one package per component:
#   renshe-backoffice  the back office, its systemd unit, an example configuration;
#   renshe-kiosk       the touch terminal and information display (one binary), their units
#                      under cage, the fingerprint udev rule, example configurations;
#   renshe-counter     the clerk's workstation at the counter, its desktop entry and the
#                      arguments it is started with (/etc/renshe/counter.args);
#   renshe-tools       renshe-admin and renshe-card.
# Built by deploy/package.sh from a release build (no automation hook, no tests). The
# simulators (renshe-cardsim, renshe-fpsim) and vpcd are never packaged.
include(GNUInstallDirs)

set(RENSHE_DEPLOY ${PROJECT_SOURCE_DIR}/deploy)

install(TARGETS renshe-backoffice RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT backoffice)
install(FILES ${RENSHE_DEPLOY}/systemd/renshe-backoffice.service DESTINATION lib/systemd/system COMPONENT backoffice)
install(FILES ${RENSHE_DEPLOY}/etc/backoffice.conf DESTINATION /etc/renshe COMPONENT backoffice)
install(FILES ${RENSHE_DEPLOY}/debian/README.Debian DESTINATION ${CMAKE_INSTALL_DOCDIR}/../renshe-backoffice COMPONENT backoffice)

# renshe-statement-pdf: the statement page renshe-admin asks for at the counter (Qt, like the kiosk).
install(TARGETS renshe-kiosk renshe-statement-pdf RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT kiosk)
install(FILES ${RENSHE_DEPLOY}/systemd/renshe-kiosk.service ${RENSHE_DEPLOY}/systemd/renshe-display.service
        DESTINATION lib/systemd/system COMPONENT kiosk)
install(FILES ${RENSHE_DEPLOY}/udev/70-renshe-fingerprint.rules DESTINATION lib/udev/rules.d COMPONENT kiosk)
install(FILES ${RENSHE_DEPLOY}/etc/kiosk.env ${RENSHE_DEPLOY}/etc/display.env DESTINATION /etc/renshe COMPONENT kiosk)
install(FILES ${RENSHE_DEPLOY}/debian/README.Debian DESTINATION ${CMAKE_INSTALL_DOCDIR}/../renshe-kiosk COMPONENT kiosk)

install(TARGETS renshe-counter RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT counter)
install(FILES ${RENSHE_DEPLOY}/counter/renshe-counter.desktop DESTINATION share/applications COMPONENT counter)
install(FILES ${RENSHE_DEPLOY}/etc/counter.args DESTINATION /etc/renshe COMPONENT counter)

install(TARGETS renshe-admin renshe-card renshe-idcard RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT tools)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME renshe)
set(CPACK_PACKAGE_VENDOR "renshe-kiosk")
set(CPACK_PACKAGE_CONTACT "renshe-kiosk maintainers <maintainers@renshe-kiosk.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_COMPONENTS_ALL backoffice kiosk counter tools)

set(CPACK_DEBIAN_BACKOFFICE_PACKAGE_NAME renshe-backoffice)
set(CPACK_COMPONENT_BACKOFFICE_DESCRIPTION
    "renshe back office: cards, certification, jobs, content and the terminal fleet over mutual-TLS gRPC")
set(CPACK_DEBIAN_BACKOFFICE_PACKAGE_DEPENDS "adduser, ca-certificates")
set(CPACK_DEBIAN_BACKOFFICE_PACKAGE_SUGGESTS "postgresql, haproxy")
set(CPACK_DEBIAN_BACKOFFICE_PACKAGE_CONTROL_EXTRA
    "${CMAKE_CURRENT_BINARY_DIR}/deb/backoffice/postinst;${CMAKE_CURRENT_BINARY_DIR}/deb/backoffice/conffiles")

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME renshe-kiosk)
set(CPACK_COMPONENT_KIOSK_DESCRIPTION
    "renshe self-service terminal and information display (Qt Quick) for social security service points")
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS
    "adduser, cage, pcscd, fonts-noto-cjk, fonts-dejavu-core, qt6-wayland, qml6-module-qtquick, qml6-module-qtqml, qml6-module-qtqml-models, qml6-module-qtqml-workerscript, qml6-module-qtquick-controls, qml6-module-qtquick-templates, qml6-module-qtquick-layouts, qml6-module-qtquick-window, qt6-speech-speechd-plugin, speech-dispatcher, speech-dispatcher-espeak-ng")
set(CPACK_DEBIAN_KIOSK_PACKAGE_RECOMMENDS "cups")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
    "${CMAKE_CURRENT_BINARY_DIR}/deb/kiosk/postinst;${CMAKE_CURRENT_BINARY_DIR}/deb/kiosk/conffiles")

set(CPACK_DEBIAN_COUNTER_PACKAGE_NAME renshe-counter)
set(CPACK_COMPONENT_COUNTER_DESCRIPTION
    "renshe counter workstation (Qt Quick) for the staff of social security service points")
set(CPACK_DEBIAN_COUNTER_PACKAGE_DEPENDS
    "pcscd, fonts-noto-cjk, qml6-module-qtquick, qml6-module-qtqml, qml6-module-qtqml-models, qml6-module-qtqml-workerscript, qml6-module-qtquick-controls, qml6-module-qtquick-templates, qml6-module-qtquick-layouts, qml6-module-qtquick-window, qml6-module-qtquick-dialogs")
set(CPACK_DEBIAN_COUNTER_PACKAGE_SUGGESTS "renshe-tools")
set(CPACK_DEBIAN_COUNTER_PACKAGE_CONTROL_EXTRA "${CMAKE_CURRENT_BINARY_DIR}/deb/counter/conffiles")

set(CPACK_DEBIAN_TOOLS_PACKAGE_NAME renshe-tools)
set(CPACK_COMPONENT_TOOLS_DESCRIPTION "renshe staff tools: renshe-admin and the card tool renshe-card")
set(CPACK_DEBIAN_TOOLS_PACKAGE_DEPENDS "pcscd")

# Maintainer scripts must be executable in the package; configuration files are conffiles
# (an administrator's edits survive upgrades).
foreach(component backoffice kiosk)
  file(MAKE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/deb/${component})
  file(COPY ${RENSHE_DEPLOY}/debian/${component}.postinst DESTINATION ${CMAKE_CURRENT_BINARY_DIR}/deb/${component}
       FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
  file(RENAME ${CMAKE_CURRENT_BINARY_DIR}/deb/${component}/${component}.postinst
       ${CMAKE_CURRENT_BINARY_DIR}/deb/${component}/postinst)
endforeach()
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/deb/backoffice/conffiles "/etc/renshe/backoffice.conf\n")
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/deb/kiosk/conffiles "/etc/renshe/kiosk.env\n/etc/renshe/display.env\n")
file(MAKE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/deb/counter)
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/deb/counter/conffiles "/etc/renshe/counter.args\n")

include(CPack)
