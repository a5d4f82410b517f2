<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko" sourcelanguage="zh_CN">
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="18" />
        <source>请插入社保卡</source>
        <translation>사회보장카드를 넣어 주세요</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="38" />
        <source>社保卡服务</source>
        <translation>카드 서비스</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="38" />
        <source>启用 · 改密 · 挂失 · 解挂</source>
        <translation>활성화 · 비밀번호 변경 · 분실 신고 · 신고 해제</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="40" />
        <source>养老资格认证</source>
        <translation>연금 자격 인증</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="40" />
        <source>按指纹，免跑腿</source>
        <translation>지문으로 간편하게</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="42" />
        <source>就业信息</source>
        <translation>일자리 정보</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="42" />
        <source>本乡镇招聘岗位</source>
        <translation>이 지역 채용 정보</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="44" />
        <source>办事指南</source>
        <translation>업무 안내</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="44" />
        <source>一次告知，只跑一次</source>
        <translation>한 번에 안내, 한 번 방문</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="60" />
        <source>标准字体</source>
        <translation>표준 글자</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="60" />
        <source>大字模式</source>
        <translation>큰 글자</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/screens/Main.qml" line="12" />
        <source>人社自助服务终端</source>
        <translation>사회보장 셀프서비스 단말기</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../qml/components/StatusBar.qml" line="35" />
        <source>正在连接…</source>
        <translation>연결 중…</translation>
    </message>
    <message>
        <location filename="../qml/components/StatusBar.qml" line="35" />
        <source>在线</source>
        <translation>온라인</translation>
    </message>
    <message>
        <location filename="../qml/components/StatusBar.qml" line="35" />
        <source>离线</source>
        <translation>오프라인</translation>
    </message>
</context>
</TS>