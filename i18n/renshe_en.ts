<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="18" />
        <source>请插入社保卡</source>
        <translation>Please insert your social security card</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="38" />
        <source>社保卡服务</source>
        <translation>Card services</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="38" />
        <source>启用 · 改密 · 挂失 · 解挂</source>
        <translation>Activate · Change PIN · Report loss · Cancel report</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="40" />
        <source>养老资格认证</source>
        <translation>Pension certification</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="40" />
        <source>按指纹，免跑腿</source>
        <translation>By fingerprint, no extra trips</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="42" />
        <source>就业信息</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="42" />
        <source>本乡镇招聘岗位</source>
        <translation>Vacancies in this township</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="44" />
        <source>办事指南</source>
        <translation>Service guides</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="44" />
        <source>一次告知，只跑一次</source>
        <translation>Everything you need, one visit</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="60" />
        <source>标准字体</source>
        <translation>Standard text</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="60" />
        <source>大字模式</source>
        <translation>Large text</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/screens/Main.qml" line="12" />
        <source>人社自助服务终端</source>
        <translation>Social Security Self-Service Terminal</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../qml/components/StatusBar.qml" line="35" />
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../qml/components/StatusBar.qml" line="35" />
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../qml/components/StatusBar.qml" line="35" />
        <source>离线</source>
        <translation>Offline</translation>
    </message>
</context>
</TS>