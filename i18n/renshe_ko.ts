<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko" sourcelanguage="zh_CN">
<context>
    <name>renshe::kiosk::counter::Activation</name>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="44" />
        <source>市民长时间未输入，已取消启用，卡片没有改变</source>
        <translation>시민이 오랫동안 입력하지 않아 활성화를 취소했습니다. 카드는 바뀌지 않았습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="44" />
        <source>操作超时，请重新办理</source>
        <translation>시간이 초과되었습니다. 다시 진행해 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="77" />
        <source>请设置6位新密码</source>
        <translation>새 6자리 비밀번호를 정하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="79" />
        <source>请再次输入新密码</source>
        <translation>새 비밀번호를 다시 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="81" />
        <source>请设置6位服务密码（挂失时使用，不能与卡密码相同）</source>
        <translation>6자리 서비스 비밀번호를 정하세요 (분실 신고용, 카드 비밀번호와 달라야 함)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="83" />
        <source>正在办理，请不要拔卡…</source>
        <translation>처리 중입니다. 카드를 빼지 마세요…</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="85" />
        <location filename="../kiosk/counter/activation.cpp" line="279" />
        <source>社保卡已启用，请牢记您的新密码</source>
        <translation>카드가 활성화되었습니다. 새 비밀번호를 꼭 기억하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="94" />
        <source>正在读卡…</source>
        <translation>카드를 읽는 중…</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="96" />
        <source>请市民在密码键盘上设置6位新密码（您看不到密码）</source>
        <translation>시민이 비밀번호 패드에서 6자리 새 비밀번호를 설정합니다(직원에게는 보이지 않습니다)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="98" />
        <source>请市民再次输入新密码</source>
        <translation>시민이 새 비밀번호를 다시 입력합니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="100" />
        <source>请市民设置6位服务密码</source>
        <translation>시민이 6자리 서비스 비밀번호를 설정합니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="102" />
        <source>正在写卡并报送后台，请勿拔卡…</source>
        <translation>카드에 쓰고 백오피스에 보고하는 중입니다. 카드를 빼지 마세요…</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="143" />
        <source>上一张卡的启用还没有报送后台，请先点“补报启用”</source>
        <translation>이전 카드의 활성화가 아직 백오피스에 보고되지 않았습니다. 먼저 "활성화 재보고"를 누르세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="169" />
        <source>读卡器中的卡（%1）不是要启用的卡（%2）</source>
        <translation>리더기의 카드(%1)는 활성화할 카드(%2)가 아닙니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="185" />
        <source>请输入6位数字</source>
        <translation>6자리 숫자를 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="207" />
        <source>两次输入的密码不一致，请重新设置</source>
        <translation>두 번 입력한 비밀번호가 다릅니다. 다시 정해 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="227" />
        <location filename="../kiosk/counter/activation.cpp" line="286" />
        <location filename="../kiosk/counter/activation.cpp" line="301" />
        <location filename="../kiosk/counter/activation.cpp" line="304" />
        <source>暂时无法办理，请联系工作人员</source>
        <translation>지금은 처리할 수 없습니다. 직원에게 문의하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="261" />
        <source>卡已被换成另一张，没有启用</source>
        <translation>카드가 다른 카드로 바뀌어 활성화하지 않았습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="261" />
        <source>请插入要启用的社保卡</source>
        <translation>활성화할 사회보장카드를 넣어 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="263" />
        <source>读卡失败，请重新插卡后再试</source>
        <translation>카드를 읽지 못했습니다. 다시 넣고 시도하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="276" />
        <source>卡片密码已设置，但后台还没有记录启用：连接恢复后自动补报，请不要关闭本程序</source>
        <translation>카드 비밀번호는 설정되었지만 백오피스에 아직 활성화가 기록되지 않았습니다. 연결이 복구되면 자동으로 보고됩니다. 이 프로그램을 닫지 마세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="278" />
        <source>社保卡已启用，服务密码已设置</source>
        <translation>카드가 활성화되었고 서비스 비밀번호가 설정되었습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="288" />
        <source>卡片的密码已不是初始密码，不能启用；市民忘记密码时请办理密码重置</source>
        <translation>카드 비밀번호가 초기 비밀번호가 아니어서 활성화할 수 없습니다. 시민이 비밀번호를 잊었다면 비밀번호 재설정을 진행하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="289" />
        <source>这张卡的初始密码已被修改，请工作人员协助</source>
        <translation>이 카드의 초기 비밀번호가 이미 변경되었습니다. 직원이 도와드립니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="291" />
        <source>卡片密码已锁定，不能启用</source>
        <translation>카드 비밀번호가 잠겨 활성화할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="291" />
        <source>卡片密码已锁定，请工作人员协助</source>
        <translation>카드 비밀번호가 잠겼습니다. 직원이 도와드립니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="293" />
        <source>社保卡被拔出，启用可能没有完成：请重新插卡后查询</source>
        <translation>카드가 제거되어 활성화가 완료되지 않았을 수 있습니다. 카드를 다시 넣고 조회하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="294" />
        <source>社保卡被拔出，请交给工作人员</source>
        <translation>카드가 제거되었습니다. 직원에게 건네 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="300" />
        <source>卡片密码已修改，但后台拒绝记录启用：%1</source>
        <translation>카드 비밀번호는 바뀌었지만 백오피스가 활성화 기록을 거부했습니다: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="304" />
        <source>卡片拒绝了这次操作</source>
        <translation>카드가 이 작업을 거부했습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="314" />
        <source>已取消启用，卡片没有改变</source>
        <translation>활성화를 취소했습니다. 카드는 바뀌지 않았습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="349" />
        <source>已补报：后台已记录启用</source>
        <translation>보고 완료: 백오피스에 활성화가 기록되었습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="354" />
        <source>后台拒绝记录启用：%1</source>
        <translation>백오피스가 활성화 기록을 거부했습니다: %1</translation>
    </message>
</context>
<context>
    <name>ActivationPopup</name>
    <message>
        <location filename="../qml/counter/ActivationPopup.qml" line="40" />
        <source>协助启用（卡号 %1）</source>
        <translation>활성화 지원 (카드 %1)</translation>
    </message>
    <message>
        <location filename="../qml/counter/ActivationPopup.qml" line="48" />
        <source>请市民在面向他的密码键盘窗口上输入；密码不会显示在本屏幕上。</source>
        <translation>시민이 자신을 향한 비밀번호 패드 창에서 입력합니다. 비밀번호는 이 화면에 표시되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../qml/counter/ActivationPopup.qml" line="79" />
        <source>补报启用</source>
        <translation>활성화 재보고</translation>
    </message>
    <message>
        <location filename="../qml/counter/ActivationPopup.qml" line="85" />
        <source>取消启用</source>
        <translation>활성화 취소</translation>
    </message>
    <message>
        <location filename="../qml/counter/ActivationPopup.qml" line="95" />
        <source>完成</source>
        <translation>완료</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::ApplicationsFlow</name>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="60" />
        <source>%1年%2月</source>
        <translation>%1년 %2월</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="112" />
        <source>请在每个问题下各选一项</source>
        <translation>질문마다 하나씩 골라 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="134" />
        <source>请将身份证放在读卡区
或输入18位社会保障号码（身份证号）</source>
        <translation>신분증을 판독기에 올려 주세요
또는 18자리 신분증 번호를 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="135" />
        <source>请输入18位社会保障号码（身份证号）</source>
        <translation>18자리 신분증 번호를 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="138" />
        <source>请输入姓名：按拼音输入，再点选汉字</source>
        <translation>이름을 입력하세요: 병음을 입력한 뒤 한자를 고르세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="140" />
        <source>请输入14位申请编号（在回执上）</source>
        <translation>14자리 신청 번호를 입력하세요 (영수증에 있습니다)</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="143" />
        <source>请输入手机号码，工作人员会打电话联系您</source>
        <translation>휴대전화 번호를 입력하세요. 직원이 전화로 연락드립니다</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="147" />
        <source>在哪个单位工作？按拼音输入单位名称</source>
        <translation>어느 회사에서 일하시나요? 회사 이름을 병음으로 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="149" />
        <source>哪个月开始工作的？</source>
        <translation>몇 월부터 일하셨나요?</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="152" />
        <source>用工形式是什么？</source>
        <translation>고용 형태는 무엇인가요?</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="153" />
        <source>固定期限合同</source>
        <translation>기간제 계약</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="154" />
        <source>无固定期限合同</source>
        <translation>무기 계약</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="155" />
        <source>完成一定工作任务</source>
        <translation>특정 업무 계약</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="156" />
        <source>灵活就业</source>
        <translation>유연 취업</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="157" />
        <source>个体经营</source>
        <translation>자영업</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="160" />
        <source>您为什么离开原来的工作？</source>
        <translation>이전 직장을 그만두신 이유는 무엇인가요?</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="161" />
        <source>劳动合同到期</source>
        <translation>근로계약 만료</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="162" />
        <source>被单位辞退</source>
        <translation>회사에서 해고됨</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="163" />
        <source>自己辞职</source>
        <translation>자진 퇴사</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="164" />
        <source>单位破产或关闭</source>
        <translation>회사 파산·폐업</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="165" />
        <source>从未就业（毕业生、返乡）</source>
        <translation>취업한 적 없음</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="166" />
        <location filename="../kiosk/applications/application_pages.cpp" line="216" />
        <source>其他原因</source>
        <translation>기타 이유</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="168" />
        <source>原来在哪个单位工作？按拼音输入单位名称</source>
        <translation>어느 회사에서 일하셨나요? 회사 이름을 병음으로 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="170" />
        <source>哪个月离开的？</source>
        <translation>몇 월에 그만두셨나요?</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="173" />
        <source>您现在想找工作吗？</source>
        <translation>지금 일자리를 찾고 계신가요?</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="174" />
        <source>想找工作，也想参加技能培训</source>
        <translation>구직·기술훈련 희망</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="175" />
        <source>想找工作</source>
        <translation>구직 희망</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="176" />
        <source>暂时不找工作</source>
        <translation>당분간 구직 안 함</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="179" />
        <source>您要预约办理什么业务？</source>
        <translation>어떤 업무를 예약하시겠어요?</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="180" />
        <source>社保卡业务</source>
        <translation>사회보장카드 업무</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="181" />
        <source>养老保险、待遇认证</source>
        <translation>양로보험·자격 인증</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="182" />
        <source>就业、失业登记</source>
        <translation>취업·실업 등록</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="183" />
        <source>医疗保险</source>
        <translation>의료보험</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="184" />
        <location filename="../kiosk/applications/application_pages.cpp" line="208" />
        <source>其他业务</source>
        <translation>기타 업무</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="186" />
        <source>请选择办理时间</source>
        <translation>예약 시간을 골라 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="189" />
        <source>请工作人员上门为谁服务？</source>
        <translation>직원이 누구를 찾아가면 될까요?</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="190" />
        <source>为我本人</source>
        <translation>본인</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="191" />
        <source>为我的父母</source>
        <translation>부모님</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="192" />
        <source>为我的配偶</source>
        <translation>배우자</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="193" />
        <source>为我的子女</source>
        <translation>자녀</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="194" />
        <source>为其他亲属</source>
        <translation>다른 가족</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="197" />
        <source>请放上亲属的身份证
或输入亲属的18位身份证号</source>
        <translation>가족의 신분증을 판독기에 올려 주세요
또는 가족의 18자리 신분증 번호를 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="198" />
        <source>请输入亲属的18位身份证号</source>
        <translation>가족의 18자리 신분증 번호를 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="201" />
        <source>请输入亲属的姓名：按拼音输入，再点选汉字</source>
        <translation>가족의 이름을 입력하세요: 병음을 입력한 뒤 한자를 고르세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="204" />
        <source>需要上门办理什么？</source>
        <translation>방문해서 어떤 업무를 처리할까요?</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="205" />
        <source>养老金资格认证</source>
        <translation>연금 자격 인증</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="206" />
        <source>参保登记</source>
        <translation>보험 가입 등록</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="207" />
        <source>社保卡办理</source>
        <translation>사회보장카드 신청</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="211" />
        <source>为什么不方便到服务窗口？</source>
        <translation>창구에 오시기 어려운 이유는 무엇인가요?</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="212" />
        <source>长期卧床</source>
        <translation>오랫동안 누워 지냄</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="213" />
        <source>残疾</source>
        <translation>장애</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="214" />
        <source>年纪大，行动不便</source>
        <translation>고령으로 거동 불편</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="215" />
        <source>重病</source>
        <translation>중병</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="218" />
        <source>上门地址：按拼音输入村、组和门牌</source>
        <translation>방문 주소: 마을, 조, 번지를 병음으로 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="219" />
        <source>请核对以下信息，无误请点“提交”</source>
        <translation>아래 내용을 확인하고 맞으면 “제출”을 눌러 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="227" />
        <source>上午</source>
        <translation>오전</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="227" />
        <source>下午</source>
        <translation>오후</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="228" />
        <source>%1月%2日%3（余%4个）</source>
        <translation>%1월 %2일 %3 (%4자리 남음)</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="312" />
        <location filename="../kiosk/applications/applications_submit.cpp" line="190" />
        <source>申请事项：%1</source>
        <translation>신청 업무: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="314" />
        <location filename="../kiosk/applications/applications_submit.cpp" line="191" />
        <source>申请人：%1 %2</source>
        <translation>신청인: %1 %2</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="318" />
        <source>申请人：社保卡持卡人本人</source>
        <translation>신청인: 카드 소지자 본인</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="321" />
        <source>离职原因：%1</source>
        <translation>퇴직 사유: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="323" />
        <source>原工作单位：%1</source>
        <translation>이전 직장: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="324" />
        <source>离职时间：%1</source>
        <translation>퇴직 시기: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="325" />
        <source>求职意愿：%1</source>
        <translation>구직 의사: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="328" />
        <source>用人单位：%1</source>
        <translation>고용 회사: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="329" />
        <source>就业时间：%1</source>
        <translation>취업 시기: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="330" />
        <source>用工形式：%1</source>
        <translation>고용 형태: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="333" />
        <source>预约业务：%1</source>
        <translation>예약 업무: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="334" />
        <source>办理时间：%1</source>
        <translation>처리 시간: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="337" />
        <source>服务对象：%1</source>
        <translation>서비스 대상: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="339" />
        <source>亲属：%1 %2</source>
        <translation>가족: %1 %2</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="342" />
        <source>上门办理：%1</source>
        <translation>방문 업무: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="343" />
        <source>原因：%1</source>
        <translation>사유: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="344" />
        <source>地址：%1</source>
        <translation>주소: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="347" />
        <source>应聘岗位：%1</source>
        <translation>지원 일자리: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="353" />
        <source>联系电话：%1</source>
        <translation>전화번호: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="47" />
        <source>失业登记</source>
        <translation>실업 등록</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="49" />
        <source>就业登记</source>
        <translation>취업 등록</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="51" />
        <source>预约办事</source>
        <translation>업무 예약</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="53" />
        <source>上门服务申请</source>
        <translation>찾아가는 서비스 신청</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="55" />
        <source>我要应聘：%1</source>
        <translation>일자리 지원: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="57" />
        <source>办理进度查询</source>
        <translation>처리 현황 조회</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="61" />
        <source>业务申请</source>
        <translation>업무 신청</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="67" />
        <source>请选择要办理的业务</source>
        <translation>신청할 업무를 고르세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="70" />
        <source>正在查询可预约的时间，请稍候…</source>
        <translation>예약 가능한 시간을 찾는 중입니다. 잠시 기다려 주세요…</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="71" />
        <source>正在查询，请稍候…</source>
        <translation>조회 중입니다. 잠시 기다리세요…</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="71" />
        <source>正在提交，请稍候…</source>
        <translation>제출 중입니다. 잠시 기다려 주세요…</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="73" />
        <source>申请已保存，网络恢复后自动提交</source>
        <translation>신청이 저장되었습니다. 네트워크가 복구되면 자동으로 제출됩니다</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="73" />
        <source>提交成功</source>
        <translation>신청이 제출되었습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="75" />
        <source>办理进度</source>
        <translation>처리 현황</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="98" />
        <source>第%1步，共%2步</source>
        <translation>%1/%2단계</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="269" />
        <source>请先输入姓名</source>
        <translation>먼저 이름을 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="269" />
        <source>请先输入内容</source>
        <translation>먼저 내용을 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="273" />
        <source>地址太短，工作人员找不到：请写上村、组和门牌</source>
        <translation>주소가 너무 짧아 직원이 찾을 수 없습니다. 마을, 조, 번지를 적어 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="280" />
        <source>请输入11位手机号码</source>
        <translation>11자리 휴대전화 번호를 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="284" />
        <source>申请编号是14位数字，请核对回执</source>
        <translation>신청 번호는 14자리 숫자입니다. 영수증을 확인하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="290" />
        <source>请点选一项</source>
        <translation>하나를 골라 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="412" />
        <source>近两周这项业务已约满，请选择其他业务或到窗口咨询</source>
        <translation>앞으로 2주 동안 이 업무는 예약이 모두 찼습니다. 다른 업무를 고르거나 창구에 문의하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="458" />
        <source>业务申请凭条（待提交）</source>
        <translation>업무 신청서 (제출 대기)</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="458" />
        <source>业务申请回执</source>
        <translation>업무 신청 영수증</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="98" />
        <source>网络中断，申请已保存在本机（凭证号%1），网络恢复后自动提交。提交后工作人员会电话联系您</source>
        <translation>네트워크가 끊겼습니다. 신청이 이 단말기에 저장되었으며(참조 번호 %1) 네트워크가 복구되면 자동으로 제출됩니다. 제출 후 직원이 전화로 연락드립니다</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="102" />
        <source>凭证号：%1</source>
        <translation>참조 번호: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="103" />
        <source>状态：已保存，网络恢复后自动提交</source>
        <translation>상태: 저장됨, 네트워크 복구 후 자동 제출</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="109" />
        <location filename="../kiosk/applications/applications_submit.cpp" line="189" />
        <source>申请编号：%1</source>
        <translation>신청 번호: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="110" />
        <source>提交时间：%1</source>
        <translation>제출 시간: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="113" />
        <location filename="../kiosk/applications/applications_submit.cpp" line="195" />
        <source>办理时限：%1前</source>
        <translation>처리 기한: %1까지</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="115" />
        <source>凭申请编号和身份证号可在本机“进度查询”查看办理进度</source>
        <translation>신청 번호와 신분증 번호로 이 단말기의 “처리 현황 조회”에서 진행 상황을 볼 수 있습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="127" />
        <source>身份证号码和姓名与登记信息不一致，请核对后重试</source>
        <translation>신분증 번호와 이름이 등록 정보와 다릅니다. 확인 후 다시 시도하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="131" />
        <source>亲属的身份证号码或姓名与登记信息不一致，请核对</source>
        <translation>가족의 신분증 번호나 이름이 등록 정보와 다릅니다. 확인해 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="135" />
        <source>这个时间刚刚约满了，请另选一个时间</source>
        <translation>방금 이 시간의 예약이 모두 찼습니다. 다른 시간을 골라 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="140" />
        <source>您已经提交过同样的申请，正在办理中。可用“进度查询”查看</source>
        <translation>같은 신청을 이미 제출하셔서 처리 중입니다. “처리 현황 조회”에서 확인하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="143" />
        <source>这个岗位已经招满或下架了，请看看其他岗位</source>
        <translation>이 일자리는 채용이 끝났거나 내려졌습니다. 다른 일자리를 살펴보세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="146" />
        <location filename="../kiosk/applications/applications_submit.cpp" line="228" />
        <source>密码验证已超过5分钟，请取出社保卡重新插入</source>
        <translation>비밀번호 확인 후 5분이 지났습니다. 카드를 빼서 다시 넣어 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="182" />
        <source>没有找到这个编号的申请，请核对申请编号和身份证号</source>
        <translation>이 번호의 신청을 찾을 수 없습니다. 신청 번호와 신분증 번호를 확인하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="194" />
        <source>当前状态：%1</source>
        <translation>현재 상태: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="197" />
        <source>说明：%1</source>
        <translation>설명: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="235" />
        <source>%1　%2　%3，%4前</source>
        <translation>%1 · %2 · %3, %4까지</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="239" />
        <source>您目前没有办理中的申请</source>
        <translation>진행 중인 신청이 없습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="240" />
        <source>您的申请（编号、事项、状态、办理时限）</source>
        <translation>나의 신청 (번호, 업무, 상태, 기한)</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="249" />
        <source>已提交，等待工作人员审核</source>
        <translation>제출됨, 직원 검토 대기 중</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="251" />
        <source>已受理，正在办理</source>
        <translation>접수됨, 처리 중</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="253" />
        <source>需要补充材料</source>
        <translation>추가 서류 필요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="255" />
        <source>不予受理</source>
        <translation>반려됨</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="257" />
        <source>已办结</source>
        <translation>처리 완료</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="259" />
        <source>办理中</source>
        <translation>처리 중</translation>
    </message>
</context>
<context>
    <name>ApplicationsScreen</name>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="82" />
        <source>失业登记</source>
        <translation>실업 등록</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="82" />
        <source>领取失业保险、享受就业服务</source>
        <translation>실업급여·취업 지원</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="85" />
        <source>就业登记</source>
        <translation>취업 등록</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="85" />
        <source>找到工作后登记</source>
        <translation>취업 후 등록</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="88" />
        <source>预约办事</source>
        <translation>업무 예약</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="88" />
        <source>约好时间，到窗口不排队</source>
        <translation>시간 예약, 창구 대기 없이</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="91" />
        <source>上门服务</source>
        <translation>찾아가는 서비스</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="91" />
        <source>老人、病人、残疾人在家办</source>
        <translation>어르신·환자·장애인 댁에서 처리</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="94" />
        <source>进度查询</source>
        <translation>처리 현황 조회</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="94" />
        <source>凭申请编号查询</source>
        <translation>신청 번호로 조회</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="216" />
        <source>申请编号：%1</source>
        <translation>신청 번호: %1</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="256" />
        <source>返回首页</source>
        <translation>처음 화면으로</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="256" />
        <source>上一步</source>
        <translation>이전</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="279" />
        <source>跳过</source>
        <translation>건너뛰기</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="288" />
        <source>打印回执</source>
        <translation>영수증 인쇄</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="297" />
        <source>提交</source>
        <translation>제출</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="297" />
        <source>下一步</source>
        <translation>다음</translation>
    </message>
</context>
<context>
    <name>CardScreen</name>
    <message>
        <location filename="../qml/screens/CardScreen.qml" line="48" />
        <source>卡片状态：%1</source>
        <translation>카드 상태: %1</translation>
    </message>
    <message>
        <location filename="../qml/screens/CardScreen.qml" line="48" />
        <source>正在查询…</source>
        <translation>조회 중…</translation>
    </message>
    <message>
        <location filename="../qml/screens/CardScreen.qml" line="152" />
        <source>打印回执</source>
        <translation>영수증 인쇄</translation>
    </message>
    <message>
        <location filename="../qml/screens/CardScreen.qml" line="168" />
        <source>取消</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../qml/screens/CardScreen.qml" line="180" />
        <source>请不要拔卡</source>
        <translation>카드를 빼지 마세요</translation>
    </message>
    <message>
        <location filename="../qml/screens/CardScreen.qml" line="180" />
        <source>办理完毕请取走社保卡</source>
        <translation>업무가 끝나면 카드를 가져가세요</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::CardSession</name>
    <message>
        <location filename="../kiosk/card_session.cpp" line="133" />
        <source>正在查询卡片状态，请稍候…</source>
        <translation>카드 상태를 조회하고 있습니다. 잠시 기다려 주세요…</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="174" />
        <source>读不到卡片，请确认芯片朝上、朝里重新插卡</source>
        <translation>카드를 읽을 수 없습니다. 칩이 위쪽·안쪽을 향하게 다시 넣어 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="177" />
        <source>这不是社会保障卡，请插入社保卡</source>
        <translation>사회보장카드가 아닙니다. 사회보장카드를 넣어 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="180" />
        <source>社保卡已锁定，请带身份证到窗口办理</source>
        <translation>카드가 잠겼습니다. 신분증을 가지고 창구로 오세요</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="183" />
        <source>卡片信息读取失败，请取出后重新插卡</source>
        <translation>카드 정보를 읽지 못했습니다. 빼서 다시 넣어 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="194" />
        <source>网络未连接，暂时只能查看卡片信息</source>
        <translation>네트워크 연결 없음: 지금은 카드 정보만 볼 수 있습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="213" />
        <source>新卡需要先启用：设置您自己的密码</source>
        <translation>새 카드는 먼저 활성화해야 합니다: 본인 비밀번호를 정하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="218" />
        <location filename="../kiosk/card_session_text.cpp" line="130" />
        <source>网络暂时不通，请稍后再试，或到窗口办理</source>
        <translation>네트워크가 일시적으로 끊겼습니다. 잠시 후 다시 시도하거나 창구를 이용하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="317" />
        <source>操作超时，请取走社保卡</source>
        <translation>시간이 초과되었습니다. 카드를 가져가세요</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="326" />
        <source>请输入6位数字</source>
        <translation>6자리 숫자를 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="359" />
        <source>两次输入的密码不一致，请重新设置</source>
        <translation>두 번 입력한 비밀번호가 다릅니다. 다시 정해 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="395" />
        <source>暂时无法办理，请联系工作人员</source>
        <translation>지금은 처리할 수 없습니다. 직원에게 문의하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="400" />
        <source>正在办理，请不要拔卡…</source>
        <translation>처리 중입니다. 카드를 빼지 마세요…</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="507" />
        <source>社保卡启用回执</source>
        <translation>카드 활성화 영수증</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="510" />
        <source>社保卡修改密码回执</source>
        <translation>비밀번호 변경 영수증</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="513" />
        <source>社保卡解挂回执</source>
        <translation>분실 신고 해제 영수증</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="516" />
        <source>社保卡密码重置回执</source>
        <translation>비밀번호 재설정 영수증</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="526" />
        <source>姓名：%1</source>
        <translation>이름: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="526" />
        <source>社会保障号码：%1</source>
        <translation>사회보장번호: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="527" />
        <source>社保卡卡号：%1</source>
        <translation>카드 번호: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="527" />
        <source>办理结果：%1</source>
        <translation>처리 결과: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="529" />
        <source>卡片状态：%1</source>
        <translation>카드 상태: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="23" />
        <source>已过有效期</source>
        <translation>유효기간 만료</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="24" />
        <source>未知</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="30" />
        <source>未启用</source>
        <translation>미활성</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="32" />
        <source>正常</source>
        <translation>정상</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="34" />
        <source>临时挂失</source>
        <translation>임시 분실 신고</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="36" />
        <source>正式挂失</source>
        <translation>정식 분실 신고</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="38" />
        <source>补换卡中</source>
        <translation>재발급 중</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="40" />
        <source>已补换</source>
        <translation>재발급됨</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="42" />
        <source>已注销</source>
        <translation>해지됨</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="51" />
        <source>请输入社保卡密码</source>
        <translation>카드 비밀번호를 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="53" />
        <source>请设置6位新密码</source>
        <translation>새 6자리 비밀번호를 정하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="55" />
        <source>请再次输入新密码</source>
        <translation>새 비밀번호를 다시 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="58" />
        <source>请设置6位服务密码（挂失时使用，不能与卡密码相同）</source>
        <translation>6자리 서비스 비밀번호를 정하세요 (분실 신고용, 카드 비밀번호와 달라야 함)</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="59" />
        <source>请输入服务密码</source>
        <translation>서비스 비밀번호를 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="68" />
        <source>密码错误，还可以再试%1次</source>
        <translation>비밀번호가 틀렸습니다. %1번 더 시도할 수 있습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="70" />
        <source>密码已锁定。可以用服务密码重置，或带身份证到窗口办理</source>
        <translation>비밀번호가 잠겼습니다. 서비스 비밀번호로 재설정하거나 신분증을 가지고 창구로 오세요</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="72" />
        <source>卡片拒绝了这次操作，请到窗口办理</source>
        <translation>카드가 이 작업을 거부했습니다. 창구를 이용하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="80" />
        <source>启用社保卡</source>
        <translation>카드 활성화</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="82" />
        <source>修改密码</source>
        <translation>비밀번호 변경</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="84" />
        <source>解除挂失</source>
        <translation>분실 신고 해제</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="86" />
        <source>忘记密码</source>
        <translation>비밀번호 분실</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="88" />
        <source>养老资格认证</source>
        <translation>연금 자격 인증</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="90" />
        <source>查询卡片记录</source>
        <translation>카드 기록 조회</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="92" />
        <source>我的社保</source>
        <translation>나의 사회보험</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="94" />
        <source>业务申请</source>
        <translation>업무 신청</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="116" />
        <source>社保卡已启用，请牢记您的新密码</source>
        <translation>카드가 활성화되었습니다. 새 비밀번호를 꼭 기억하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="118" />
        <source>社保卡已启用，请牢记您的新密码。网络恢复后将自动通知社保系统</source>
        <translation>카드가 활성화되었습니다. 새 비밀번호를 꼭 기억하세요. 네트워크가 복구되면 사회보장 시스템에 자동으로 알립니다</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="120" />
        <source>密码修改成功，请牢记新密码</source>
        <translation>비밀번호가 변경되었습니다. 새 비밀번호를 꼭 기억하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="122" />
        <source>解挂成功，社保卡已恢复正常使用</source>
        <translation>분실 신고가 해제되어 카드를 다시 쓸 수 있습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="124" />
        <source>密码已重置，请牢记新密码</source>
        <translation>비밀번호가 재설정되었습니다. 새 비밀번호를 꼭 기억하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="126" />
        <source>以下是您的社保卡记录（最新在前）</source>
        <translation>카드 기록입니다(최신순)</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="128" />
        <source>参保记录已查询，取卡后不再显示</source>
        <translation>사회보험 기록을 조회했습니다. 카드를 빼면 더 이상 표시되지 않습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="132" />
        <source>卡片密码已修改，但未能通知社保系统。请不要再次启用，联系工作人员处理</source>
        <translation>카드 비밀번호는 바뀌었지만 사회보장 시스템에 알리지 못했습니다. 다시 활성화하지 말고 직원에게 문의하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="134" />
        <source>卡片的初始密码已被修改，请到窗口办理启用</source>
        <translation>카드의 초기 비밀번호가 이미 바뀌었습니다. 창구에서 활성화하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="136" />
        <source>卡片被拔出，操作可能没有完成。请重新插卡查看</source>
        <translation>카드가 빠져 작업이 끝나지 않았을 수 있습니다. 다시 넣어 확인하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="152" />
        <location filename="../kiosk/card_session_text.cpp" line="153" />
        <source>发卡</source>
        <translation>발급</translation>
    </message>
</context>
<context>
    <name>CertificationScreen</name>
    <message>
        <location filename="../qml/screens/CertificationScreen.qml" line="29" />
        <source>养老金领取资格认证</source>
        <translation>연금 수급 자격 인증</translation>
    </message>
    <message>
        <location filename="../qml/screens/CertificationScreen.qml" line="29" />
        <source>我的社保</source>
        <translation>나의 사회보험</translation>
    </message>
    <message>
        <location filename="../qml/screens/CertificationScreen.qml" line="105" />
        <source>返回</source>
        <translation>돌아가기</translation>
    </message>
    <message>
        <location filename="../qml/screens/CertificationScreen.qml" line="121" />
        <source>打印回执</source>
        <translation>영수증 인쇄</translation>
    </message>
    <message>
        <location filename="../qml/screens/CertificationScreen.qml" line="129" />
        <source>下一步</source>
        <translation>다음</translation>
    </message>
    <message>
        <location filename="../qml/screens/CertificationScreen.qml" line="138" />
        <source>开始认证</source>
        <translation>인증 시작</translation>
    </message>
    <message>
        <location filename="../qml/screens/CertificationScreen.qml" line="138" />
        <source>开始验证</source>
        <translation>확인 시작</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::CertificationSession</name>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="93" />
        <source>请将身份证放在读卡区
或用数字键输入18位社会保障号码（身份证号）</source>
        <translation>신분증을 판독기에 올려 주세요
또는 숫자 키로 신분증 번호를 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="94" />
        <source>请输入18位社会保障号码（身份证号）</source>
        <translation>18자리 신분증 번호를 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="141" />
        <source>暂时无法查询，请插入社保卡查询或到窗口办理</source>
        <translation>지금은 조회할 수 없습니다. 사회보장카드를 넣거나 창구를 이용하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="142" />
        <source>暂时无法认证，请到窗口办理</source>
        <translation>지금은 인증할 수 없습니다. 창구를 이용하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="156" />
        <source>正在查询，请稍候…</source>
        <translation>조회 중입니다. 잠시 기다리세요…</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="156" />
        <source>正在查询认证状态…</source>
        <translation>인증 상태를 조회하고 있습니다…</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="160" />
        <source>网络未连接，暂时不能查询</source>
        <translation>네트워크에 연결되지 않아 지금은 조회할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="160" />
        <source>网络未连接，暂时不能认证</source>
        <translation>네트워크 연결 없음: 지금은 인증할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="187" />
        <location filename="../kiosk/certification_session.cpp" line="404" />
        <source>网络暂时不通，请稍后再试</source>
        <translation>네트워크가 일시적으로 끊겼습니다. 잠시 후 다시 시도하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="199" />
        <source>您还没有登记指纹，请插入社保卡用密码查询，或带身份证到窗口登记指纹</source>
        <translation>등록된 지문이 없습니다. 사회보장카드를 넣고 비밀번호로 조회하거나, 신분증을 가지고 창구에서 지문을 등록하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="202" />
        <source>请按指纹验证身份，验证后查看您的参保和缴费记录</source>
        <translation>지문으로 본인 확인 후 보험 가입 및 납부 기록을 볼 수 있습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="209" />
        <source>您不是养老金领取人员，不需要认证</source>
        <translation>연금 수급자가 아니므로 인증할 필요가 없습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="212" />
        <location filename="../kiosk/certification_session.cpp" line="390" />
        <source>已认证，有效期至%1</source>
        <translation>인증됨, %1까지 유효</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="215" />
        <source>请在%1前完成认证</source>
        <translation>%1 전에 인증하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="218" />
        <source>已逾期（%1到期），养老金暂停发放，认证后恢复</source>
        <translation>기한 경과(%1 만료): 연금 지급이 정지되었으며 인증하면 재개됩니다</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="225" />
        <source>您还没有登记指纹，请带身份证到窗口登记</source>
        <translation>등록된 지문이 없습니다. 신분증을 가지고 창구에서 등록하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="243" />
        <location filename="../kiosk/certification_session.cpp" line="291" />
        <source>指纹仪暂时不可用，请到窗口办理</source>
        <translation>지문 인식기를 사용할 수 없습니다. 창구를 이용하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="247" />
        <source>正在准备指纹仪…</source>
        <translation>지문 인식기를 준비하고 있습니다…</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="255" />
        <source>请把手指平放在指纹仪上</source>
        <translation>손가락을 지문 인식기에 평평하게 올려 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="256" />
        <source>正在比对，请稍候…</source>
        <translation>비교 중입니다. 잠시 기다려 주세요…</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="374" />
        <source>三次比对都没有成功，请插入社保卡用密码查询，或带身份证到窗口办理</source>
        <translation>세 번 모두 일치하지 않았습니다. 사회보장카드를 넣고 비밀번호로 조회하거나, 신분증을 가지고 창구로 오세요</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="375" />
        <source>三次比对都没有成功，请带身份证到窗口认证，工作人员会帮您办理</source>
        <translation>세 번 모두 일치하지 않았습니다. 신분증을 가지고 창구로 오시면 직원이 처리해 드립니다</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="386" />
        <source>指纹比对成功，但没能登记结果，请到窗口确认</source>
        <translation>지문은 일치했지만 결과를 기록하지 못했습니다. 창구에서 확인하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="391" />
        <source>认证成功，有效期至%1</source>
        <translation>인증 완료, %1까지 유효</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="393" />
        <source>。养老金将恢复发放，暂停期间的养老金将补发</source>
        <translation>. 연금 지급이 재개되며 정지 기간의 연금은 소급 지급됩니다</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="410" />
        <source>验证通过，正在打开我的社保…</source>
        <translation>확인되었습니다. 나의 사회보험을 여는 중…</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="415" />
        <source>指纹不一致</source>
        <translation>지문이 일치하지 않습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="419" />
        <source>按压时间太短</source>
        <translation>손가락을 너무 빨리 뗐습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="422" />
        <source>请把手指放在指纹仪中间</source>
        <translation>손가락을 인식기 가운데에 올려 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="425" />
        <source>请抬起手指再重新放上</source>
        <translation>손가락을 뗐다가 다시 올려 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="428" />
        <source>没有采集清楚</source>
        <translation>지문이 제대로 읽히지 않았습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="432" />
        <source>%1，还可以再试%2次</source>
        <translation>%1. %2번 더 시도할 수 있습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="459" />
        <source>养老金领取资格认证回执</source>
        <translation>연금 수급 자격 인증 영수증</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="460" />
        <source>社会保障号码：%1</source>
        <translation>사회보장번호: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="461" />
        <source>认证结果：成功</source>
        <translation>인증 결과: 성공</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="461" />
        <source>有效期至：%1</source>
        <translation>유효기간: %1</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::CitizenMessages</name>
    <message>
        <location filename="../kiosk/messages.cpp" line="18" />
        <source>网络暂时不通，请稍后再试，或到窗口办理</source>
        <translation>네트워크가 일시적으로 끊겼습니다. 잠시 후 다시 시도하거나 창구를 이용하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="20" />
        <source>这张卡未在系统中登记，请到窗口咨询</source>
        <translation>등록되지 않은 카드입니다. 창구에 문의하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="22" />
        <source>没有查到这个号码的参保信息，请核对号码，或带身份证到窗口办理</source>
        <translation>이 번호로 등록된 보험 기록이 없습니다. 번호를 확인하거나 신분증을 지참하여 창구를 방문해 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="24" />
        <source>卡片当前状态不能办理此业务，请到窗口咨询</source>
        <translation>현재 카드 상태로는 이 업무를 할 수 없습니다. 창구에 문의하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="26" />
        <source>服务密码不正确</source>
        <translation>서비스 비밀번호가 틀렸습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="28" />
        <source>此卡已正式挂失，请带身份证到窗口解挂</source>
        <translation>정식 분실 신고된 카드입니다. 신분증을 가지고 창구에서 해제하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="30" />
        <source>此卡已申请补换，新卡制作中，不能解挂</source>
        <translation>재발급을 신청한 카드입니다. 새 카드를 만드는 중이라 해제할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="33" />
        <source>尝试次数过多，请%1分钟后再试，或到窗口办理</source>
        <translation>시도 횟수가 너무 많습니다. %1분 후 다시 시도하거나 창구를 이용하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="36" />
        <source>本终端只能办理本辖区参保人员的业务，请到参保地办理</source>
        <translation>이 단말기는 관할 지역 가입자만 이용할 수 있습니다. 가입 지역에서 처리하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="38" />
        <source>社保卡已过有效期，请到窗口换卡</source>
        <translation>카드 유효기간이 지났습니다. 창구에서 교체하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="40" />
        <source>操作超时，请重新输入密码</source>
        <translation>시간이 초과되었습니다. 비밀번호를 다시 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="42" />
        <source>服务密码太简单，请重新设置</source>
        <translation>서비스 비밀번호가 너무 단순합니다. 다시 정해 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="44" />
        <source>您还没有登记指纹，请使用服务密码</source>
        <translation>등록된 지문이 없습니다. 서비스 비밀번호를 사용하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="46" />
        <source>您不是养老金领取人员，不需要认证</source>
        <translation>연금 수급자가 아니므로 인증할 필요가 없습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="48" />
        <source>您的指纹是在其他型号的指纹仪上登记的，请到窗口认证</source>
        <translation>다른 기종의 지문 인식기로 등록된 지문입니다. 창구에서 인증하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="52" />
        <source>暂时无法办理，请联系工作人员</source>
        <translation>지금은 처리할 수 없습니다. 직원에게 문의하세요</translation>
    </message>
</context>
<context>
    <name>CitizenPinWindow</name>
    <message>
        <location filename="../qml/counter/CitizenPinWindow.qml" line="20" />
        <source>社保卡启用 · 请市民输入密码</source>
        <translation>카드 활성화 · 시민 비밀번호 입력</translation>
    </message>
    <message>
        <location filename="../qml/counter/CitizenPinWindow.qml" line="45" />
        <source>%1 的社保卡（卡号 %2）</source>
        <translation>%1 님의 사회보장카드 (카드 %2)</translation>
    </message>
    <message>
        <location filename="../qml/counter/CitizenPinWindow.qml" line="89" />
        <source>不办了</source>
        <translation>그만하기</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::counter::ContentPublisher</name>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="225" />
        <source>时段格式应为 08:30 至 17:00</source>
        <translation>시간은 08:30, 17:00 형식으로 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="227" />
        <source>时段的结束要晚于开始</source>
        <translation>끝 시간은 시작 시간보다 늦어야 합니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="230" />
        <source>星期的选择不正确</source>
        <translation>요일 선택이 올바르지 않습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="232" />
        <source>优先级应为0至9</source>
        <translation>우선순위는 0부터 9까지입니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="314" />
        <source>已撤下：信息屏将不再播放</source>
        <translation>내렸습니다. 정보 화면에 더 이상 표시되지 않습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="335" />
        <source>请填写标题</source>
        <translation>제목을 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="337" />
        <source>标题最多%1字（信息屏上两行）</source>
        <translation>제목은 최대 %1자입니다(화면에서 두 줄)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="339" />
        <source>正文最多%1字</source>
        <translation>본문은 최대 %1자입니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="342" />
        <source>日期格式应为 2026-12-31</source>
        <translation>날짜는 2026-12-31 형식으로 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="344" />
        <source>结束日期早于开始日期</source>
        <translation>종료일이 시작일보다 빠릅니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="346" />
        <source>结束日期已经过去</source>
        <translation>종료일이 이미 지났습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="351" />
        <source>找不到这个图片文件</source>
        <translation>이미지 파일을 찾을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="354" />
        <source>图片须为 PNG 或 JPEG</source>
        <translation>이미지는 PNG 또는 JPEG여야 합니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="356" />
        <source>图片最大3 MB</source>
        <translation>이미지는 최대 3MB입니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="426" />
        <source>已修改：大厅信息屏将在几秒内更新</source>
        <translation>수정됨: 몇 초 안에 홀 안내 화면이 갱신됩니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="427" />
        <source>已发布：大厅信息屏将在几秒内播放</source>
        <translation>게시했습니다. 몇 초 안에 민원실 정보 화면에 표시됩니다</translation>
    </message>
</context>
<context>
    <name>ContentView</name>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="42" />
        <source>选择通知的图片</source>
        <translation>공지 그림 선택</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="43" />
        <source>图片 (*.png *.jpg *.jpeg)</source>
        <translation>그림 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="63" />
        <source>发布到哪个播放列表</source>
        <translation>게시할 재생 목록</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="72" />
        <source>新建：本所信息发布</source>
        <translation>새로 만들기: 본소 게시</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="113" />
        <source>修改</source>
        <translation>수정</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="123" />
        <source>撤下</source>
        <translation>내리기</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="159" />
        <source>正在修改：%1（保存后所有播放它的信息屏都更新）</source>
        <translation>수정 중: %1 (저장하면 이를 재생하는 모든 안내 화면이 갱신됩니다)</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="171" />
        <source>取消修改</source>
        <translation>수정 취소</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="180" />
        <source>标题（最多60字）</source>
        <translation>제목(최대 60자)</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="184" />
        <source>正文</source>
        <translation>본문</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="215" />
        <source>开始日期（空：今天起）</source>
        <translation>시작일(비우면 오늘부터)</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="223" />
        <source>结束日期（空：一直播放）</source>
        <translation>종료일(비우면 계속 재생)</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="229" />
        <source>播放时间（不选星期即每天；时段不填即全天）</source>
        <translation>재생 시간(요일을 고르지 않으면 매일, 시간을 비우면 종일)</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="239" />
        <source>一</source>
        <translation>월</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="239" />
        <source>二</source>
        <translation>화</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="239" />
        <source>三</source>
        <translation>수</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="239" />
        <source>四</source>
        <translation>목</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="239" />
        <source>五</source>
        <translation>금</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="239" />
        <source>六</source>
        <translation>토</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="239" />
        <source>日</source>
        <translation>일</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="256" />
        <source>每天从</source>
        <translation>매일 시작</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="264" />
        <source>到</source>
        <translation>까지</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="271" />
        <source>优先级（0–9，高者先播）</source>
        <translation>우선순위(0–9, 높을수록 먼저)</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="283" />
        <source>换一张图片（不填则保留原图片）</source>
        <translation>다른 그림 (비워 두면 현재 그림 유지)</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="284" />
        <source>图片文件（PNG 或 JPEG，可不填）</source>
        <translation>이미지 파일(PNG 또는 JPEG, 선택)</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="294" />
        <source>选择图片…</source>
        <translation>그림 선택…</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="305" />
        <source>横屏 1920×1080</source>
        <translation>가로 1920×1080</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="313" />
        <source>竖屏</source>
        <translation>세로</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="326" />
        <source>正在发布…</source>
        <translation>게시하는 중…</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="327" />
        <source>发布</source>
        <translation>게시</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="327" />
        <source>保存修改</source>
        <translation>변경 저장</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="338" />
        <source>刷新</source>
        <translation>새로 고침</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::counter::Counter</name>
    <message>
        <location filename="../kiosk/counter/counter.cpp" line="94" />
        <source>口令连续输错，密钥已锁定，请%1分钟后再试</source>
        <translation>암호를 여러 번 잘못 입력해 키가 잠겼습니다. %1분 후 다시 시도하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter.cpp" line="99" />
        <source>请输入密钥口令</source>
        <translation>키 암호를 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter.cpp" line="116" />
        <source>密钥文件没有口令保护，不能使用（请用 renshe-admin pki protect-key 加密）</source>
        <translation>키 파일이 암호로 보호되어 있지 않아 사용할 수 없습니다 (renshe-admin pki protect-key로 암호화하세요)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter.cpp" line="121" />
        <source>无法读取密钥文件</source>
        <translation>키 파일을 읽을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter.cpp" line="134" />
        <source>口令连续%1次错误，密钥已锁定%2分钟</source>
        <translation>암호를 %1번 연속 잘못 입력해 키가 %2분 동안 잠겼습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter.cpp" line="139" />
        <source>口令错误，还可尝试%1次</source>
        <translation>암호가 틀렸습니다. %1번 더 시도할 수 있습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter.cpp" line="152" />
        <source>此证书不是工作人员证书</source>
        <translation>직원 인증서가 아닙니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter.cpp" line="159" />
        <source>无法读取证书文件</source>
        <translation>인증서 파일을 읽을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter.cpp" line="199" />
        <source>已%1分钟无操作，工作站已锁定，请重新输入口令</source>
        <translation>%1분 동안 사용하지 않아 워크스테이션이 잠겼습니다. 암호를 다시 입력하세요</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::counter::CounterCard</name>
    <message>
        <location filename="../kiosk/counter/counter_card.cpp" line="12" />
        <source>没有连接读卡器</source>
        <translation>연결된 카드 리더기가 없습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter_card.cpp" line="25" />
        <source>读卡器中没有卡，请插入社保卡</source>
        <translation>리더기에 카드가 없습니다. 사회보장카드를 넣으세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter_card.cpp" line="27" />
        <source>读卡服务（pcscd）没有运行</source>
        <translation>카드 서비스(pcscd)가 실행되고 있지 않습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter_card.cpp" line="29" />
        <source>这不是社保卡</source>
        <translation>사회보장카드가 아닙니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter_card.cpp" line="31" />
        <source>社保卡已锁定或数据无法读取</source>
        <translation>카드가 잠겼거나 데이터를 읽을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter_card.cpp" line="33" />
        <source>读卡失败，请重新插卡后再试</source>
        <translation>카드를 읽지 못했습니다. 다시 넣고 시도하세요</translation>
    </message>
</context>
<context>
    <name>CounterHeader</name>
    <message>
        <location filename="../qml/counter/CounterHeader.qml" line="18" />
        <source>人社窗口工作站</source>
        <translation>사회보장 창구 워크스테이션</translation>
    </message>
    <message>
        <location filename="../qml/counter/CounterHeader.qml" line="26" />
        <source>工作人员 %1 · 辖区 %2</source>
        <translation>직원 %1 · 관할 %2</translation>
    </message>
    <message>
        <location filename="../qml/counter/CounterHeader.qml" line="43" />
        <source>后台已连接</source>
        <translation>백오피스 연결됨</translation>
    </message>
    <message>
        <location filename="../qml/counter/CounterHeader.qml" line="43" />
        <source>后台连接中断：操作暂不可用</source>
        <translation>백오피스 연결 끊김: 지금은 작업할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../qml/counter/CounterHeader.qml" line="60" />
        <source>锁定</source>
        <translation>잠금</translation>
    </message>
</context>
<context>
    <name>CounterMain</name>
    <message>
        <location filename="../qml/counter/CounterMain.qml" line="16" />
        <source>人社窗口工作站</source>
        <translation>사회보장 창구 워크스테이션</translation>
    </message>
</context>
<context>
    <name>CounterNav</name>
    <message>
        <location filename="../qml/counter/CounterNav.qml" line="21" />
        <source>人员查询</source>
        <translation>개인 조회</translation>
    </message>
    <message>
        <location filename="../qml/counter/CounterNav.qml" line="22" />
        <source>待办</source>
        <translation>처리할 일</translation>
    </message>
    <message>
        <location filename="../qml/counter/CounterNav.qml" line="23" />
        <source>大厅设备</source>
        <translation>민원실 기기</translation>
    </message>
    <message>
        <location filename="../qml/counter/CounterNav.qml" line="24" />
        <source>信息发布</source>
        <translation>정보 게시</translation>
    </message>
</context>
<context>
    <name>DisplayMain</name>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="66" />
        <source>%1月%2日</source>
        <translation>%1월 %2일</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="69" />
        <source>星期日</source>
        <translation>일요일</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="69" />
        <source>星期一</source>
        <translation>월요일</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="69" />
        <source>星期二</source>
        <translation>화요일</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="69" />
        <source>星期三</source>
        <translation>수요일</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="69" />
        <source>星期四</source>
        <translation>목요일</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="69" />
        <source>星期五</source>
        <translation>금요일</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="69" />
        <source>星期六</source>
        <translation>토요일</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="209" />
        <source>正在办理</source>
        <translation>처리 중</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="256" />
        <source>扫码查看岗位详情</source>
        <translation>QR 코드로 채용 상세 보기</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="333" />
        <source>社保、就业、劳动关系问题，请拨打人社服务热线</source>
        <translation>사회보장·일자리·노동 문제는 인사 서비스 핫라인으로 전화하세요</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="355" />
        <source>欢迎来到%1</source>
        <translation>%1에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="363" />
        <source>人社服务热线 12333</source>
        <translation>서비스 핫라인 12333</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="381" />
        <source>⚠ 网络中断，显示的是 %1 更新的内容</source>
        <translation>⚠ 연결 끊김: %1에 업데이트된 내용 표시 중</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="382" />
        <source>⚠ 正在连接服务器</source>
        <translation>⚠ 서버에 연결하는 중</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::Feedback</name>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="41" />
        <source>等待时间长、办理慢</source>
        <translation>대기가 길고 느림</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="42" />
        <source>操作复杂、看不清</source>
        <translation>조작 어려움·안 보임</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="43" />
        <source>问题没有解决</source>
        <translation>문제가 해결되지 않음</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="44" />
        <source>设备有故障</source>
        <translation>기기 고장</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="45" />
        <source>服务态度不好</source>
        <translation>응대가 불친절함</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="46" />
        <source>其他原因</source>
        <translation>기타 이유</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="61" />
        <source>请您对本次服务进行评价</source>
        <translation>이번 서비스를 평가해 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="74" />
        <source>很抱歉给您带来不便。请选择不满意的原因（可多选），再点“提交评价”</source>
        <translation>불편을 드려 죄송합니다. 불만족 이유를 고르신 뒤(여러 개 가능) “평가 제출”을 눌러 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="94" />
        <source>请至少选择一个原因</source>
        <translation>이유를 하나 이상 골라 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="115" />
        <source>感谢您的评价，工作人员将在15个工作日内回访改进</source>
        <translation>평가해 주셔서 감사합니다. 15영업일 안에 직원이 확인하고 개선하겠습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="115" />
        <source>感谢您的评价！</source>
        <translation>평가해 주셔서 감사합니다!</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="152" />
        <source>正在呼叫工作人员…</source>
        <translation>직원을 부르고 있습니다…</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="156" />
        <location filename="../kiosk/applications/feedback.cpp" line="175" />
        <source>暂时联系不上工作人员，请到服务窗口咨询</source>
        <translation>지금은 직원과 연결되지 않습니다. 창구에 문의하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="174" />
        <source>已通知工作人员，请在这里稍候，马上就来</source>
        <translation>직원에게 알렸습니다. 곧 오니 여기서 잠시 기다려 주세요</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::counter::FingerprintEnrolment</name>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="25" />
        <source>按压时间太短，请再按一次</source>
        <translation>너무 짧게 눌렀습니다. 다시 누르세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="27" />
        <source>手指没有放在中间，请放正后再按</source>
        <translation>손가락이 가운데에 있지 않습니다. 가운데에 놓고 다시 누르세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="29" />
        <source>请抬起手指，再重新按下</source>
        <translation>손가락을 뗐다가 다시 누르세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="33" />
        <source>这次没有采集好，请再按一次</source>
        <translation>이번 스캔이 제대로 되지 않았습니다. 다시 누르세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="94" />
        <source>请先查询要登记指纹的人员</source>
        <translation>먼저 지문을 등록할 사람을 조회하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="96" />
        <source>请在手形图上选择要登记的手指</source>
        <translation>손 그림에서 등록할 손가락을 고르세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="99" />
        <source>%1已登记过，重新登记须填写原因</source>
        <translation>%1은(는) 이미 등록되어 있습니다. 다시 등록하려면 사유를 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="105" />
        <source>没有找到指纹仪，请检查连接</source>
        <translation>지문 인식기를 찾을 수 없습니다. 연결을 확인하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="113" />
        <source>正在准备指纹仪…</source>
        <translation>지문 인식기를 준비하고 있습니다…</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="122" />
        <source>请把%1平放在指纹仪上</source>
        <translation>%1을(를) 지문 인식기에 평평하게 올려 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="123" />
        <source>请抬起手指</source>
        <translation>손가락을 떼세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="168" />
        <source>已取消登记</source>
        <translation>등록을 취소했습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="170" />
        <source>指纹仪被拔出，请重新连接后再登记</source>
        <translation>지문 인식기가 분리되었습니다. 다시 연결한 뒤 등록하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="171" />
        <source>指纹仪出错（%1），请重试</source>
        <translation>지문 인식기 오류(%1). 다시 시도하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="189" />
        <source>正在保存到后台…</source>
        <translation>백오피스에 저장하는 중…</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="216" />
        <source>已登记%1</source>
        <translation>%1 등록 완료</translation>
    </message>
</context>
<context>
    <name>FingerprintPanel</name>
    <message>
        <location filename="../qml/counter/FingerprintPanel.qml" line="22" />
        <source>指纹登记</source>
        <translation>지문 등록</translation>
    </message>
    <message>
        <location filename="../qml/counter/FingerprintPanel.qml" line="38" />
        <source>请在手形图上选择要登记的手指（绿色为已登记）</source>
        <translation>손 그림에서 등록할 손가락을 고르세요(초록색: 등록됨)</translation>
    </message>
    <message>
        <location filename="../qml/counter/FingerprintPanel.qml" line="39" />
        <source>%1（已登记，将重新登记）</source>
        <translation>%1 (등록됨, 다시 등록합니다)</translation>
    </message>
    <message>
        <location filename="../qml/counter/FingerprintPanel.qml" line="50" />
        <source>重新登记的原因（记入审计日志）</source>
        <translation>다시 등록하는 사유(감사 기록에 남음)</translation>
    </message>
    <message>
        <location filename="../qml/counter/FingerprintPanel.qml" line="51" />
        <source>例如：指纹磨损，原登记无法比对</source>
        <translation>예: 지문이 닳아 기존 등록으로 대조되지 않음</translation>
    </message>
    <message>
        <location filename="../qml/counter/FingerprintPanel.qml" line="57" />
        <source>开始登记</source>
        <translation>등록 시작</translation>
    </message>
    <message>
        <location filename="../qml/counter/FingerprintPanel.qml" line="65" />
        <source>取消</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../qml/counter/FingerprintPanel.qml" line="89" />
        <source>第%1/%2次：%3</source>
        <translation>%2회 중 %1회: %3</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::GuidesModel</name>
    <message>
        <location filename="../kiosk/guides_model.cpp" line="43" />
        <source>网络未连接，暂时不能查看办事指南</source>
        <translation>네트워크 연결 없음: 지금은 업무 안내를 볼 수 없습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/guides_model.cpp" line="70" />
        <source>网络暂时不通，请稍后再试</source>
        <translation>네트워크가 일시적으로 끊겼습니다. 잠시 후 다시 시도하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/guides_model.cpp" line="85" />
        <source>（原件%1份）</source>
        <translation> (원본 %1부)</translation>
    </message>
    <message>
        <location filename="../kiosk/guides_model.cpp" line="86" />
        <source>（复印件%1份）</source>
        <translation> (사본 %1부)</translation>
    </message>
</context>
<context>
    <name>GuidesScreen</name>
    <message>
        <location filename="../qml/screens/GuidesScreen.qml" line="28" />
        <source>办事指南</source>
        <translation>업무 안내</translation>
    </message>
    <message>
        <location filename="../qml/screens/GuidesScreen.qml" line="76" />
        <source>需要带的材料</source>
        <translation>준비물</translation>
    </message>
    <message>
        <location filename="../qml/screens/GuidesScreen.qml" line="92" />
        <source>办理流程</source>
        <translation>처리 절차</translation>
    </message>
    <message>
        <location filename="../qml/screens/GuidesScreen.qml" line="108" />
        <source>办理地点</source>
        <translation>처리 장소</translation>
    </message>
    <message>
        <location filename="../qml/screens/GuidesScreen.qml" line="109" />
        <source>办理时限</source>
        <translation>처리 기한</translation>
    </message>
    <message>
        <location filename="../qml/screens/GuidesScreen.qml" line="110" />
        <source>收费标准</source>
        <translation>수수료</translation>
    </message>
    <message>
        <location filename="../qml/screens/GuidesScreen.qml" line="111" />
        <source>咨询电话</source>
        <translation>문의 전화</translation>
    </message>
    <message>
        <location filename="../qml/screens/GuidesScreen.qml" line="131" />
        <source>返回目录</source>
        <translation>목록으로</translation>
    </message>
    <message>
        <location filename="../qml/screens/GuidesScreen.qml" line="131" />
        <source>返回首页</source>
        <translation>처음 화면으로</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::counter::HallMachines</name>
    <message>
        <location filename="../kiosk/counter/hall_machines.cpp" line="186" />
        <source>未登记到服务点</source>
        <translation>서비스 지점 미등록</translation>
    </message>
</context>
<context>
    <name>HallView</name>
    <message>
        <location filename="../qml/counter/HallView.qml" line="22" />
        <source>终端 %1 台，其中 %2 台失联</source>
        <translation>단말기 %1대, 그중 %2대 응답 없음</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="30" />
        <source>刷新中…</source>
        <translation>새로 고치는 중…</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="30" />
        <source>刷新</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="60" />
        <source>%1：申报%2，实际%3 %4</source>
        <translation>%1: 신고 %2, 실제 %3 %4</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="61" />
        <source>✓ 达标</source>
        <translation>✓ 기준 충족</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="61" />
        <source>✗ 未达标</source>
        <translation>✗ 기준 미달</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="68" />
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="69" />
        <source>（缺）</source>
        <translation> (부족)</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="95" />
        <source>%1 %2 · %3 · 最后心跳 %4%5</source>
        <translation>%1 %2 · %3 · 마지막 응답 %4%5</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="95" />
        <source>信息屏</source>
        <translation>안내 화면</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="95" />
        <source>触摸屏</source>
        <translation>터치스크린</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="96" />
        <source>从未</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="97" />
        <source>（失联）</source>
        <translation> (응답 없음)</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="107" />
        <source>读卡器 %1 · 指纹仪 %2 · 打印机 %3 · 身份证阅读器 %4 · 待发送 %5（需处理 %6）</source>
        <translation>카드 리더기 %1 · 지문 인식기 %2 · 프린터 %3 · 신분증 판독기 %4 · 전송 대기 %5 (직원 확인 %6)</translation>
    </message>
</context>
<context>
    <name>HandDiagram</name>
    <message>
        <location filename="../qml/counter/HandDiagram.qml" line="80" />
        <source>左手</source>
        <translation>왼손</translation>
    </message>
    <message>
        <location filename="../qml/counter/HandDiagram.qml" line="82" />
        <source>右手</source>
        <translation>오른손</translation>
    </message>
</context>
<context>
    <name>HelpButton</name>
    <message>
        <location filename="../qml/screens/HelpButton.qml" line="9" />
        <source>已呼叫工作人员</source>
        <translation>직원을 불렀습니다</translation>
    </message>
    <message>
        <location filename="../qml/screens/HelpButton.qml" line="9" />
        <source>请工作人员帮助</source>
        <translation>직원 도움 요청</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="31" />
        <source>请插入社保卡</source>
        <translation>사회보장카드를 넣어 주세요</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="54" />
        <source>社保卡服务</source>
        <translation>카드 서비스</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="54" />
        <source>启用 · 改密 · 挂失 · 解挂</source>
        <translation>활성화 · 비밀번호 변경 · 분실 신고 · 신고 해제</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="31" />
        <source>请把社保卡插入读卡器，芯片朝上</source>
        <translation>사회보장카드를 칩이 위로 오게 리더기에 넣어 주세요</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="59" />
        <source>我的社保</source>
        <translation>나의 사회보험</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="59" />
        <source>查缴费 · 打印参保证明</source>
        <translation>납부 조회 · 증명서 인쇄</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="63" />
        <source>养老资格认证</source>
        <translation>연금 자격 인증</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="63" />
        <source>按指纹，免跑腿</source>
        <translation>지문으로 간편하게</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="66" />
        <source>就业信息</source>
        <translation>일자리 정보</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="66" />
        <source>本乡镇招聘岗位</source>
        <translation>이 지역 채용 정보</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="69" />
        <source>办事指南</source>
        <translation>업무 안내</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="69" />
        <source>一次告知，只跑一次</source>
        <translation>한 번에 안내, 한 번 방문</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="74" />
        <source>业务申请</source>
        <translation>업무 신청</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="74" />
        <source>失业登记 · 预约 · 上门服务</source>
        <translation>실업 등록 · 예약 · 찾아가는 서비스</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="89" />
        <source>卡丢了？不用带卡，马上临时挂失</source>
        <translation>카드를 잃어버리셨나요? 카드 없이 바로 분실 신고</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="121" />
        <source>标准字体</source>
        <translation>표준 글자</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="121" />
        <source>大字模式</source>
        <translation>큰 글자</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="125" />
        <source>语音：开</source>
        <translation>음성: 켜짐</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="125" />
        <source>语音：关</source>
        <translation>음성: 꺼짐</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="130" />
        <source>语音提示已打开</source>
        <translation>음성 안내가 켜졌습니다</translation>
    </message>
</context>
<context>
    <name>IdCardHint</name>
    <message>
        <location filename="../qml/screens/IdCardHint.qml" line="15" />
        <source>身份证读卡区</source>
        <translation>신분증 판독 영역</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::IdCardMessages</name>
    <message>
        <location filename="../kiosk/idcard_messages.cpp" line="16" />
        <source>身份证没有读完，请把身份证平放在读卡区，读完前不要移动</source>
        <translation>신분증을 끝까지 읽지 못했습니다. 판독기에 평평하게 올려 두고 다 읽을 때까지 움직이지 마세요</translation>
    </message>
    <message>
        <location filename="../kiosk/idcard_messages.cpp" line="19" />
        <source>无法识别这张身份证上的信息，请用数字键输入身份证号码</source>
        <translation>이 신분증의 정보를 인식할 수 없습니다. 숫자 키로 신분증 번호를 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/idcard_messages.cpp" line="21" />
        <source>这张卡不是有效的居民身份证，请换一张，或用数字键输入</source>
        <translation>유효한 주민 신분증이 아닙니다. 다른 카드를 사용하거나 숫자 키로 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/idcard_messages.cpp" line="27" />
        <source>身份证阅读器暂时不能使用，请用数字键输入身份证号码</source>
        <translation>신분증 판독기를 지금 사용할 수 없습니다. 숫자 키로 신분증 번호를 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/idcard_messages.cpp" line="34" />
        <source>这张身份证已过有效期（%1年%2月%3日到期），不能使用。请使用有效身份证，或到窗口办理</source>
        <translation>이 신분증은 %1년 %2월 %3일에 만료되어 사용할 수 없습니다. 유효한 신분증을 사용하거나 창구에서 처리하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/idcard_messages.cpp" line="40" />
        <source>已读取身份证：%1</source>
        <translation>신분증을 읽었습니다: %1</translation>
    </message>
</context>
<context>
    <name>IdKeypad</name>
    <message>
        <location filename="../qml/components/IdKeypad.qml" line="26" />
        <source>删除</source>
        <translation>지우기</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::IdNumberEntry</name>
    <message>
        <location filename="../kiosk/id_number_entry.cpp" line="63" />
        <source>号码应为18位，请核对</source>
        <translation>번호는 18자리여야 합니다. 확인해 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/id_number_entry.cpp" line="65" />
        <source>号码有误（最后一位校验不符），请逐位核对</source>
        <translation>번호가 틀렸습니다(마지막 검증 문자 불일치). 한 자리씩 확인하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/id_number_entry.cpp" line="67" />
        <source>号码中的出生日期不对，请核对</source>
        <translation>번호 안의 생년월일이 틀렸습니다. 확인해 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/id_number_entry.cpp" line="69" />
        <source>号码有误，请核对</source>
        <translation>번호가 틀렸습니다. 확인해 주세요</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <location filename="../qml/screens/IdleWarning.qml" line="19" />
        <source>您还在吗？请触摸屏幕继续办理</source>
        <translation>아직 계신가요? 계속하려면 화면을 눌러 주세요</translation>
    </message>
    <message>
        <location filename="../qml/screens/IdleWarning.qml" line="30" />
        <source>您还在吗？%1秒后将返回首页</source>
        <translation>계속 이용하시나요? %1초 후 처음 화면으로 돌아갑니다</translation>
    </message>
    <message>
        <location filename="../qml/screens/IdleWarning.qml" line="37" />
        <source>继续办理</source>
        <translation>계속하기</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::JobsModel</name>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="36" />
        <source>%1–%2元/月</source>
        <translation>월 %1–%2위안</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="39" />
        <source>%1元/月起</source>
        <translation>월 %1위안부터</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="41" />
        <source>最高%1元/月</source>
        <translation>월 최대 %1위안</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="42" />
        <source>面议</source>
        <translation>협의</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="90" />
        <source>网络未连接，暂时不能查询招聘信息</source>
        <translation>네트워크 연결 없음: 지금은 채용 정보를 볼 수 없습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="122" />
        <source>没有找到相关岗位，换个词试试</source>
        <translation>해당 일자리가 없습니다. 다른 단어로 찾아보세요</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="124" />
        <source>网络暂时不通，请稍后再试</source>
        <translation>네트워크가 일시적으로 끊겼습니다. 잠시 후 다시 시도하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="134" />
        <source>全部</source>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="135" />
        <source>司机</source>
        <translation>운전기사</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="136" />
        <source>保洁</source>
        <translation>청소</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="137" />
        <source>焊工</source>
        <translation>용접공</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="138" />
        <source>厨师</source>
        <translation>요리사</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="139" />
        <source>保安</source>
        <translation>경비</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="140" />
        <source>会计</source>
        <translation>회계</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="141" />
        <source>护工</source>
        <translation>간병인</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="166" />
        <source>招聘%1人</source>
        <translation>%1명 채용</translation>
    </message>
</context>
<context>
    <name>JobsScreen</name>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="21" />
        <source>就业信息</source>
        <translation>일자리 정보</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="51" />
        <source>输入其他岗位名称…</source>
        <translation>다른 직종 입력…</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="58" />
        <source>收起键盘</source>
        <translation>키보드 닫기</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="58" />
        <source>打字搜索</source>
        <translation>입력해서 찾기</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="67" />
        <source>搜索</source>
        <translation>검색</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="123" />
        <source>发布于%1</source>
        <translation>%1 게시</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="169" />
        <source>招聘单位</source>
        <translation>채용 기관</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="170" />
        <source>工资待遇</source>
        <translation>급여</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="171" />
        <source>招聘人数</source>
        <translation>채용 인원</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="172" />
        <source>任职要求</source>
        <translation>자격 요건</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="173" />
        <source>工作地点</source>
        <translation>근무지</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="174" />
        <source>联系方式</source>
        <translation>연락처</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="175" />
        <source>截止日期</source>
        <translation>마감일</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="194" />
        <source>扫码保存</source>
        <translation>스캔하여 저장</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="217" />
        <source>返回列表</source>
        <translation>목록으로</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="217" />
        <source>返回首页</source>
        <translation>처음 화면으로</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="230" />
        <source>我要应聘</source>
        <translation>지원하기</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::LossReport</name>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="117" />
        <source>请将身份证放在读卡区
或用数字键输入18位社会保障号码（身份证号）</source>
        <translation>신분증을 판독기에 올려 주세요
또는 숫자 키로 신분증 번호를 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="118" />
        <source>请输入18位社会保障号码（身份证号）</source>
        <translation>18자리 신분증 번호를 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="120" />
        <source>请输入姓名：按拼音输入，再点选汉字</source>
        <translation>이름을 입력하세요: 병음을 입력한 뒤 한자를 고르세요</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="122" />
        <source>请输入6位服务密码</source>
        <translation>6자리 서비스 비밀번호를 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="124" />
        <source>正在挂失，请稍候…</source>
        <translation>분실 신고 중입니다. 잠시 기다려 주세요…</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="126" />
        <source>挂失申请已保存，尚未生效</source>
        <translation>분실 신고가 저장되었으나 아직 효력이 없습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="126" />
        <source>挂失成功</source>
        <translation>분실 신고 완료</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="162" />
        <source>请先输入姓名</source>
        <translation>먼저 이름을 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="171" />
        <source>请输入6位数字</source>
        <translation>6자리 숫자를 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="275" />
        <source>社保卡临时挂失申请（待提交）</source>
        <translation>임시 분실 신고 (제출 대기)</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="275" />
        <source>社保卡临时挂失回执</source>
        <translation>사회보장카드 임시 분실 신고 영수증</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="281" />
        <source>网络未连接，暂时不能挂失。请拨打12333或到窗口办理</source>
        <translation>네트워크 연결 없음: 지금은 분실 신고를 할 수 없습니다. 12333에 전화하거나 창구를 이용하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="326" />
        <source>网络中断，挂失申请已保存在本机（凭证号%1），网络恢复后自动提交。提交前挂失尚未生效，请尽快拨打12333电话挂失</source>
        <translation>네트워크가 끊겼습니다. 분실 신고가 이 단말기에 저장되었으며(참조 번호 %1) 네트워크가 복구되면 자동으로 제출됩니다. 제출 전에는 효력이 없으니 지금 12333으로 전화해 분실 신고를 해 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="331" />
        <source>挂失申请凭证号：%1</source>
        <translation>분실 신고 참조 번호: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="332" />
        <location filename="../kiosk/loss_report.cpp" line="350" />
        <source>社会保障号码：%1</source>
        <translation>사회보장번호: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="333" />
        <location filename="../kiosk/loss_report.cpp" line="351" />
        <source>姓名：%1</source>
        <translation>이름: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="334" />
        <source>状态：已保存，待网络恢复后提交，尚未生效</source>
        <translation>상태: 저장됨, 네트워크 복구 후 제출 예정, 아직 효력 없음</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="334" />
        <source>请尽快拨打12333电话挂失</source>
        <translation>지금 12333으로 전화해 분실 신고를 해 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="343" />
        <source>挂失受理号：%1。卡片已临时挂失，%2自动解除；找回后插卡输入密码即可解挂，需要补卡请到窗口办理</source>
        <translation>접수 번호: %1. 카드가 임시 분실 신고되었으며 %2에 자동 해제됩니다. 찾으면 카드를 넣고 비밀번호를 입력해 해제하고, 재발급은 창구에서 하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="349" />
        <source>挂失受理号：%1</source>
        <translation>접수 번호: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="352" />
        <source>临时挂失，%1自动解除</source>
        <translation>임시 분실 신고, %1 자동 해제</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="353" />
        <source>找回卡片后插卡输入密码即可解挂；补卡请到窗口办理</source>
        <translation>카드를 찾으면 넣고 비밀번호를 입력해 해제하세요. 재발급은 창구에서 하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="364" />
        <source>号码、姓名或服务密码不正确，请核对后重试</source>
        <translation>번호, 이름 또는 서비스 비밀번호가 틀렸습니다. 확인 후 다시 시도하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="370" />
        <source>您的社保卡当前不能临时挂失（可能尚未启用或已正式挂失），请到窗口办理</source>
        <translation>지금은 카드를 임시 분실 신고할 수 없습니다(미활성 또는 정식 분실 신고됨). 창구를 이용하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="378" />
        <source>网络暂时不通，挂失没有完成。请稍后再试，或拨打12333</source>
        <translation>네트워크가 끊겨 분실 신고가 완료되지 않았습니다. 잠시 후 다시 시도하거나 12333에 전화하세요</translation>
    </message>
</context>
<context>
    <name>LossReportScreen</name>
    <message>
        <location filename="../qml/screens/LossReportScreen.qml" line="38" />
        <source>社保卡临时挂失</source>
        <translation>사회보장카드 임시 분실 신고</translation>
    </message>
    <message>
        <location filename="../qml/screens/LossReportScreen.qml" line="145" />
        <source>返回首页</source>
        <translation>처음 화면으로</translation>
    </message>
    <message>
        <location filename="../qml/screens/LossReportScreen.qml" line="145" />
        <source>上一步</source>
        <translation>이전</translation>
    </message>
    <message>
        <location filename="../qml/screens/LossReportScreen.qml" line="168" />
        <source>打印回执</source>
        <translation>영수증 인쇄</translation>
    </message>
    <message>
        <location filename="../qml/screens/LossReportScreen.qml" line="182" />
        <source>下一步</source>
        <translation>다음</translation>
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
    <name>NoticeSlide</name>
    <message>
        <location filename="../qml/components/NoticeSlide.qml" line="13" />
        <source>办事指南</source>
        <translation>업무 안내</translation>
    </message>
    <message>
        <location filename="../qml/components/NoticeSlide.qml" line="13" />
        <source>通知公告</source>
        <translation>공지사항</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::counter::PersonFile</name>
    <message>
        <location filename="../kiosk/counter/person_file.cpp" line="85" />
        <source>请输入18位身份证号码</source>
        <translation>18자리 신분증 번호를 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/person_file.cpp" line="90" />
        <source>身份证号码不正确（应为18位，末位为校验码）</source>
        <translation>신분증 번호가 올바르지 않습니다 (18자리, 마지막 자리는 검증 문자)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/person_file.cpp" line="146" />
        <source>请把身份证放在阅读器上</source>
        <translation>신분증을 판독기에 올려 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/person_file.cpp" line="147" />
        <source>身份证阅读器没有连接</source>
        <translation>신분증 판독기가 연결되어 있지 않습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/person_file.cpp" line="149" />
        <source>身份证未通过验证</source>
        <translation>신분증 인증에 실패했습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/person_file.cpp" line="150" />
        <source>读身份证失败，请重放后再试</source>
        <translation>신분증을 읽지 못했습니다. 다시 올려 주세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/person_file.cpp" line="173" />
        <source>查看完整身份信息须填写原因</source>
        <translation>전체 신원 정보를 보려면 사유를 입력해야 합니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/person_file.cpp" line="340" />
        <source>未知的操作</source>
        <translation>알 수 없는 작업입니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/person_file.cpp" line="345" />
        <source>请填写办理原因（例如：本人持身份证申请）</source>
        <translation>처리 사유를 입력하세요 (예: 본인이 신분증을 지참하여 신청)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/person_file.cpp" line="371" />
        <source>已办理：卡号 %1 现为“%2”</source>
        <translation>처리되었습니다: 카드 %1의 상태는 이제 “%2”입니다</translation>
    </message>
</context>
<context>
    <name>PersonView</name>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="15" />
        <source>协助启用</source>
        <translation>활성화 지원</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="16" />
        <source>办理正式挂失</source>
        <translation>정식 분실 등록</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="17" />
        <source>解挂</source>
        <translation>분실 신고 해제</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="18" />
        <source>补换卡申请</source>
        <translation>재발급 신청</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="19" />
        <source>注销</source>
        <translation>카드 해지</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="34" />
        <source>身份证号码 / 社会保障号码</source>
        <translation>신분증 번호 / 사회보장번호</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="35" />
        <source>18位号码，输入后按回车</source>
        <translation>18자리 번호를 입력하고 Enter를 누르세요</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="42" />
        <source>查询</source>
        <translation>조회</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="49" />
        <source>读身份证</source>
        <translation>신분증 읽기</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="56" />
        <source>读社保卡</source>
        <translation>카드 읽기</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="65" />
        <source>正在读卡…</source>
        <translation>카드를 읽는 중…</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="66" />
        <source>正在查询…</source>
        <translation>조회 중…</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="83" />
        <source>卡号 %1 的启用还没有报送后台（连接恢复后自动补报）</source>
        <translation>카드 %1의 활성화가 아직 백오피스에 보고되지 않았습니다(연결이 복구되면 자동 보고)</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="94" />
        <source>补报启用</source>
        <translation>활성화 재보고</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="114" />
        <source>人员信息</source>
        <translation>인적 사항</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="120" />
        <source>姓名</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="125" />
        <source>社会保障号码</source>
        <translation>사회보장번호</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="128" />
        <source>参保地</source>
        <translation>가입 지역</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="130" />
        <source>养老金首次发放</source>
        <translation>연금 최초 지급</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="131" />
        <location filename="../qml/counter/PersonView.qml" line="168" />
        <location filename="../qml/counter/PersonView.qml" line="169" />
        <source>无</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="134" />
        <source>服务密码</source>
        <translation>서비스 비밀번호</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="135" />
        <source>已设置</source>
        <translation>설정됨</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="135" />
        <source>未设置</source>
        <translation>설정 안 됨</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="142" />
        <source>显示完整信息</source>
        <translation>전체 정보 보기</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="149" />
        <source>隐藏完整信息</source>
        <translation>전체 정보 숨기기</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="158" />
        <source>养老金资格认证</source>
        <translation>연금 자격 인증</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="164" />
        <source>状态</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="167" />
        <source>养老金</source>
        <translation>연금</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="168" />
        <source>本期认证有效至</source>
        <translation>인증 유효기간</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="169" />
        <source>最近一次认证</source>
        <translation>최근 인증</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="172" />
        <source>已登记指纹</source>
        <translation>등록된 지문</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="173" />
        <source>未登记</source>
        <translation>등록 안 됨</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="178" />
        <source>%1 在 %2 认证%3</source>
        <translation>%1 %2에서 인증%3</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="179" />
        <source>（恢复发放）</source>
        <translation> (연금 지급 재개)</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="191" />
        <source>社保卡</source>
        <translation>사회보장카드</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="196" />
        <source>没有卡</source>
        <translation>카드 없음</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="215" />
        <source>卡号 %1 · %2 · 发卡 %3 · 有效期至 %4%5</source>
        <translation>카드 %1 · %2 · 발급 %3 · %4까지 유효%5</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="217" />
        <source>（已过期）</source>
        <translation> (만료)</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="248" />
        <source>参保概况</source>
        <translation>가입 현황</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="253" />
        <source>没有参保记录</source>
        <translation>가입 기록이 없습니다</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="262" />
        <source>%1（%2起参保）</source>
        <translation>%1(%2부터 가입)</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="278" />
        <source>卡状态记录</source>
        <translation>카드 상태 기록</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="285" />
        <source>%1 卡号 %2：%3 → %4（%5，%6）</source>
        <translation>%1 카드 %2: %3 → %4 (%5, %6)</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="297" />
        <source>申请记录</source>
        <translation>신청 내역</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="303" />
        <source>没有申请</source>
        <translation>신청 없음</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="310" />
        <source>%1 %2 · %3 · %4 · 期限 %5</source>
        <translation>%1 %2 · %3 · %4 · 기한 %5</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="341" />
        <source>查看完整身份信息将记入审计日志。请填写原因。</source>
        <translation>전체 신원 정보 조회는 감사 로그에 기록됩니다. 사유를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="351" />
        <source>原因</source>
        <translation>사유</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="352" />
        <source>例如：核对身份证原件</source>
        <translation>예: 신분증 원본 확인</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="359" />
        <source>显示</source>
        <translation>보기</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="368" />
        <location filename="../qml/counter/PersonView.qml" line="431" />
        <source>取消</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="395" />
        <source>确认办理：%1（卡号 %2）</source>
        <translation>처리 확인: %1 (카드 %2)</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="407" />
        <source>办理原因（记入卡状态记录）</source>
        <translation>처리 사유 (카드 상태 기록에 남습니다)</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="408" />
        <source>例如：本人持身份证申请</source>
        <translation>예: 본인이 신분증을 지참하여 신청</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="423" />
        <source>正在办理…</source>
        <translation>처리 중…</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="423" />
        <source>确认办理</source>
        <translation>처리 확인</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="431" />
        <source>完成</source>
        <translation>완료</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../qml/components/PinPad.qml" line="55" />
        <source>删除</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location filename="../qml/components/PinPad.qml" line="70" />
        <source>确认</source>
        <translation>확인</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::PinRules</name>
    <message>
        <location filename="../kiosk/pin_rules.cpp" line="14" />
        <source>请输入6位数字</source>
        <translation>6자리 숫자를 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/pin_rules.cpp" line="21" />
        <source>不能使用初始密码123456</source>
        <translation>초기 비밀번호 123456은 사용할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/pin_rules.cpp" line="23" />
        <source>密码不能是相同的数字</source>
        <translation>같은 숫자만으로 된 비밀번호는 안 됩니다</translation>
    </message>
    <message>
        <location filename="../kiosk/pin_rules.cpp" line="25" />
        <source>密码不能是连续的数字</source>
        <translation>연속된 숫자는 비밀번호로 쓸 수 없습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/pin_rules.cpp" line="27" />
        <source>密码不能是您的出生日期</source>
        <translation>생년월일은 비밀번호로 쓸 수 없습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/pin_rules.cpp" line="29" />
        <source>新密码不能与原密码相同</source>
        <translation>새 비밀번호는 기존 비밀번호와 달라야 합니다</translation>
    </message>
    <message>
        <location filename="../kiosk/pin_rules.cpp" line="40" />
        <source>服务密码不能与卡密码相同</source>
        <translation>서비스 비밀번호는 카드 비밀번호와 같을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/pin_rules.cpp" line="44" />
        <source>%1，请重新设置</source>
        <translation>%1. 다시 정해 주세요</translation>
    </message>
</context>
<context>
    <name>PinyinKeyboard</name>
    <message>
        <location filename="../qml/components/PinyinKeyboard.qml" line="64" />
        <source>删除</source>
        <translation>지우기</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../kiosk/receipt.cpp" line="42" />
        <source>办理时间：%1</source>
        <translation>처리 시간: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/receipt.cpp" line="43" />
        <source>请妥善保管本回执。咨询电话 12333</source>
        <translation>이 영수증을 잘 보관하세요. 문의 12333</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="27" />
        <source>%1年%2月%3日</source>
        <translation>%1년 %2월 %3일</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="49" />
        <source>待办申请（%1 件，%2 件即将或已经到期）</source>
        <translation>처리할 신청 (%1건, 그중 %2건 기한 임박 또는 경과)</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="59" />
        <source>刷新中…</source>
        <translation>새로 고치는 중…</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="59" />
        <source>刷新</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="89" />
        <source>%1 请求帮助（%2，%3）</source>
        <translation>%1 도움 요청 (%2, %3)</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="98" />
        <source>已前往</source>
        <translation>가는 중</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="129" />
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="137" />
        <source>期限 %1%2 · %3</source>
        <translation>기한 %1%2 · %3</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="138" />
        <source>（已超期）</source>
        <translation> (기한 경과)</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="138" />
        <source>（即将到期）</source>
        <translation> (기한 임박)</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="139" />
        <source>经办人 %1</source>
        <translation>담당자 %1</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="139" />
        <location filename="../qml/counter/QueueView.qml" line="175" />
        <source>未认领</source>
        <translation>담당자 없음</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="168" />
        <source>申请 %1 · %2</source>
        <translation>신청 %1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="169" />
        <source>请从左侧选择一件申请</source>
        <translation>왼쪽에서 신청을 하나 고르세요</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="170" />
        <source>状态</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="171" />
        <source>申请人</source>
        <translation>신청인</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="172" />
        <source>内容</source>
        <translation>내용</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="173" />
        <source>联系电话</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="174" />
        <source>提交 / 期限</source>
        <translation>제출 / 기한</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="175" />
        <source>经办人</source>
        <translation>담당자</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="176" />
        <source>原因</source>
        <translation>사유</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="188" />
        <source>%1 %2：%3 → %4 %5</source>
        <translation>%1 %2: %3 → %4 %5</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="205" />
        <source>原因 / 备注（不予受理、补充材料时必填，申请人可见）</source>
        <translation>사유 / 메모 (반려·추가 서류 요청 시 필수, 신청인에게 보입니다)</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="221" />
        <source>认领</source>
        <translation>담당</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="222" />
        <source>接手</source>
        <translation>넘겨받기</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="223" />
        <source>受理</source>
        <translation>접수</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="224" />
        <source>补充材料</source>
        <translation>추가 서류</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="225" />
        <source>不予受理</source>
        <translation>반려됨</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="226" />
        <source>办结</source>
        <translation>완료 처리</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="227" />
        <source>备注</source>
        <translation>메모</translation>
    </message>
</context>
<context>
    <name>RatingPanel</name>
    <message>
        <location filename="../qml/screens/RatingPanel.qml" line="43" />
        <source>非常满意</source>
        <translation>매우 만족</translation>
    </message>
    <message>
        <location filename="../qml/screens/RatingPanel.qml" line="44" />
        <source>满意</source>
        <translation>만족</translation>
    </message>
    <message>
        <location filename="../qml/screens/RatingPanel.qml" line="45" />
        <source>基本满意</source>
        <translation>대체로 만족</translation>
    </message>
    <message>
        <location filename="../qml/screens/RatingPanel.qml" line="46" />
        <source>不满意</source>
        <translation>불만족</translation>
    </message>
    <message>
        <location filename="../qml/screens/RatingPanel.qml" line="47" />
        <source>非常不满意</source>
        <translation>매우 불만족</translation>
    </message>
    <message>
        <location filename="../qml/screens/RatingPanel.qml" line="122" />
        <source>不评价</source>
        <translation>평가 안 함</translation>
    </message>
    <message>
        <location filename="../qml/screens/RatingPanel.qml" line="131" />
        <source>提交评价</source>
        <translation>평가 제출</translation>
    </message>
</context>
<context>
    <name>RecordsScreen</name>
    <message>
        <location filename="../qml/screens/RecordsScreen.qml" line="24" />
        <source>我的社保</source>
        <translation>나의 사회보험</translation>
    </message>
    <message>
        <location filename="../qml/screens/RecordsScreen.qml" line="65" />
        <source>上一年</source>
        <translation>이전 해</translation>
    </message>
    <message>
        <location filename="../qml/screens/RecordsScreen.qml" line="84" />
        <source>下一年</source>
        <translation>다음 해</translation>
    </message>
    <message>
        <location filename="../qml/screens/RecordsScreen.qml" line="207" />
        <source>返回</source>
        <translation>돌아가기</translation>
    </message>
    <message>
        <location filename="../qml/screens/RecordsScreen.qml" line="215" />
        <source>打印参保证明</source>
        <translation>참보증명 인쇄</translation>
    </message>
    <message>
        <location filename="../qml/screens/RecordsScreen.qml" line="224" />
        <source>打印本年记录</source>
        <translation>올해 기록 인쇄</translation>
    </message>
    <message>
        <location filename="../qml/screens/RecordsScreen.qml" line="235" />
        <source>朗读</source>
        <translation>읽어 주기</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::RecordsView</name>
    <message>
        <location filename="../kiosk/records_view.cpp" line="143" />
        <source>查询已超过5分钟，请返回后重新验证指纹</source>
        <translation>5분이 지났습니다. 돌아가서 지문을 다시 확인하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="144" />
        <source>查询已超过5分钟，请返回后重新输入密码</source>
        <translation>5분이 지났습니다. 돌아가서 비밀번호를 다시 입력하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="161" />
        <source>本机不能打印证明，请到服务窗口打印。</source>
        <translation>이 단말기에서는 증명서를 인쇄할 수 없습니다. 창구에서 인쇄해 주세요.</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="170" />
        <source>正在出具证明，请稍候…</source>
        <translation>증명서를 발급하고 있습니다. 잠시 기다려 주세요…</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="196" />
        <source>正在打印，请稍候…</source>
        <translation>인쇄 중입니다. 잠시 기다려 주세요…</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="204" />
        <source>证明已打印，请取走。证明编号 %1</source>
        <translation>인쇄되었습니다. 증명서를 가져가세요. 증명 번호 %1</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="221" />
        <source>企业职工基本养老保险</source>
        <translation>직장인 기본 양로보험</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="223" />
        <source>城乡居民基本养老保险</source>
        <translation>도농 주민 기본 양로보험</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="225" />
        <source>失业保险</source>
        <translation>실업보험</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="227" />
        <source>工伤保险</source>
        <translation>산재보험</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="229" />
        <source>职工基本医疗保险</source>
        <translation>직장인 기본 의료보험</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="231" />
        <source>城乡居民基本医疗保险</source>
        <translation>도농 주민 기본 의료보험</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="233" />
        <source>其他险种</source>
        <translation>기타 보험</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="240" />
        <source>基本养老金</source>
        <translation>기본 양로금</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="242" />
        <source>城乡居民养老金</source>
        <translation>도농 주민 양로금</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="244" />
        <source>失业保险金</source>
        <translation>실업급여</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="246" />
        <source>工伤保险待遇</source>
        <translation>산재보험 급여</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="248" />
        <source>其他待遇</source>
        <translation>기타 급여</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="253" />
        <source>%1元</source>
        <translation>%1위안</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="260" />
        <source>正在领取待遇</source>
        <translation>급여 수령 중</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="263" />
        <source>正常参保</source>
        <translation>정상 가입</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="266" />
        <source>中断缴费</source>
        <translation>납부 중단</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="270" />
        <source>累计缴费%1年%2个月</source>
        <translation>누적 납부 %1년 %2개월</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="272" />
        <source>累计缴费%1年</source>
        <translation>누적 납부 %1년</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="274" />
        <source>累计缴费%1个月</source>
        <translation>누적 납부 %1개월</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="277" />
        <source>本月已缴</source>
        <translation>이번 달 납부 완료</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="278" />
        <source>最近缴到%1</source>
        <translation>%1까지 납부</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="281" />
        <source>欠缴%1个月</source>
        <translation>미납 %1개월</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="282" />
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="282" />
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="292" />
        <source>暂未查到您的参保记录，如有疑问请到窗口咨询</source>
        <translation>사회보험 기록이 없습니다. 창구에 문의하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="299" />
        <source>。</source>
        <translation>. </translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="303" />
        <source>%1年缴费情况</source>
        <translation>%1년 납부 현황</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="323" />
        <source>%1月</source>
        <translation>%1월</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="327" />
        <source>已缴</source>
        <translation>납부</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="328" />
        <source>欠缴</source>
        <translation>미납</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="329" />
        <source>无</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="348" />
        <source>%1年没有缴费记录</source>
        <translation>%1년 납부 기록 없음</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="349" />
        <source>%1年已缴%2个月</source>
        <translation>%1년 %2개월 납부</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="351" />
        <source>，欠缴%1个月</source>
        <translation>, 미납 %1개월</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="358" />
        <source>%1 %2 %3，%4日发放到%5</source>
        <translation>%1 %2 %3, %4일 %5(으)로 지급</translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <location filename="../qml/counter/SignInView.qml" line="19" />
        <source>人社窗口工作站 · 工作人员登录</source>
        <translation>사회보장 창구 워크스테이션 · 직원 로그인</translation>
    </message>
    <message>
        <location filename="../qml/counter/SignInView.qml" line="22" />
        <source>请输入您的工作人员密钥口令。连续输错3次，密钥将被锁定数分钟。</source>
        <translation>직원 키 암호를 입력하세요. 연속 3번 틀리면 키가 몇 분 동안 잠깁니다.</translation>
    </message>
    <message>
        <location filename="../qml/counter/SignInView.qml" line="33" />
        <source>密钥口令</source>
        <translation>키 암호</translation>
    </message>
    <message>
        <location filename="../qml/counter/SignInView.qml" line="42" />
        <source>密钥已锁定，%1秒后可再试</source>
        <translation>키가 잠겼습니다. %1초 후 다시 시도할 수 있습니다</translation>
    </message>
    <message>
        <location filename="../qml/counter/SignInView.qml" line="54" />
        <source>正在验证…</source>
        <translation>확인 중…</translation>
    </message>
    <message>
        <location filename="../qml/counter/SignInView.qml" line="54" />
        <source>登录</source>
        <translation>로그인</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::counter::StaffMessages</name>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="8" />
        <source>与后台的连接已中断，操作未执行。请在连接恢复后重试。</source>
        <translation>백오피스와의 연결이 끊겨 작업이 실행되지 않았습니다. 연결이 복구되면 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="18" />
        <source>登记库中没有这个人员</source>
        <translation>등록부에 이 사람이 없습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="20" />
        <source>登记库中没有这张卡</source>
        <translation>등록부에 이 카드가 없습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="22" />
        <source>不属于您所辖区域，无权查看或办理</source>
        <translation>관할 지역이 아니므로 조회하거나 처리할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="24" />
        <source>此证书不是工作人员证书</source>
        <translation>직원 인증서가 아닙니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="26" />
        <source>卡片当前状态不能办理此项操作</source>
        <translation>현재 카드 상태로는 이 작업을 할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="28" />
        <source>申请的当前状态不允许此操作（或已由其他工作人员受理）</source>
        <translation>현재 신청 상태로는 이 작업을 할 수 없습니다 (또는 다른 직원이 이미 접수했습니다)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="30" />
        <source>身份证号码格式不正确</source>
        <translation>신분증 번호 형식이 올바르지 않습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="32" />
        <source>填写的内容不符合要求</source>
        <translation>입력한 내용이 요건에 맞지 않습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="34" />
        <source>操作过于频繁，请稍后再试</source>
        <translation>요청이 너무 많습니다. 잠시 후 다시 시도하세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="39" />
        <source>后台不接受此证书（已吊销或已过期）</source>
        <translation>백오피스가 이 인증서를 받아들이지 않습니다 (폐기 또는 만료)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="41" />
        <source>没有找到</source>
        <translation>찾을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="42" />
        <source>后台拒绝了此操作（%1）</source>
        <translation>백오피스가 이 작업을 거부했습니다 (%1)</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::counter::StaffText</name>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="16" />
        <source>已发放（待启用）</source>
        <translation>발급됨 (활성화 대기)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="18" />
        <source>正常</source>
        <translation>정상</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="20" />
        <source>临时挂失</source>
        <translation>임시 분실 신고</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="22" />
        <source>正式挂失</source>
        <translation>정식 분실 신고</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="24" />
        <source>补换卡申请中</source>
        <translation>재발급 신청 중</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="26" />
        <source>已补换</source>
        <translation>재발급됨</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="28" />
        <source>已注销</source>
        <translation>해지됨</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="32" />
        <location filename="../kiosk/counter/staff_text.cpp" line="49" />
        <location filename="../kiosk/counter/staff_text.cpp" line="68" />
        <location filename="../kiosk/counter/staff_text.cpp" line="100" />
        <location filename="../kiosk/counter/staff_text.cpp" line="113" />
        <location filename="../kiosk/counter/staff_text.cpp" line="124" />
        <location filename="../kiosk/counter/staff_text.cpp" line="156" />
        <source>未知</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="39" />
        <source>已提交</source>
        <translation>제출됨</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="41" />
        <source>已受理</source>
        <translation>접수됨</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="43" />
        <source>需补充材料</source>
        <translation>추가 서류 필요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="45" />
        <location filename="../kiosk/counter/staff_text.cpp" line="79" />
        <source>不予受理</source>
        <translation>반려됨</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="47" />
        <source>已办结</source>
        <translation>처리 완료</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="56" />
        <source>失业登记</source>
        <translation>실업 등록</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="58" />
        <source>就业登记</source>
        <translation>취업 등록</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="60" />
        <source>岗位申请</source>
        <translation>일자리 지원</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="62" />
        <source>预约</source>
        <translation>예약</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="64" />
        <source>上门服务</source>
        <translation>찾아가는 서비스</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="66" />
        <source>差评回访</source>
        <translation>불만족 평가 후속 연락</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="74" />
        <source>提交</source>
        <translation>제출</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="75" />
        <source>认领</source>
        <translation>담당</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="76" />
        <source>接手</source>
        <translation>넘겨받기</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="77" />
        <source>受理</source>
        <translation>접수</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="78" />
        <source>要求补充材料</source>
        <translation>추가 서류 요청</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="80" />
        <source>办结</source>
        <translation>완료 처리</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="81" />
        <source>备注</source>
        <translation>메모</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="92" />
        <source>无需认证</source>
        <translation>인증 불필요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="94" />
        <source>已认证</source>
        <translation>인증됨</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="96" />
        <source>待认证（本期即将到期）</source>
        <translation>인증 대기 (이번 기간 곧 만료)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="98" />
        <source>逾期未认证（养老金暂停发放）</source>
        <translation>기한 경과 (연금 지급 정지)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="107" />
        <source>未领取养老金</source>
        <translation>연금 미수급</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="109" />
        <source>正常发放</source>
        <translation>정상 지급</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="111" />
        <source>暂停发放</source>
        <translation>지급 정지</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="118" />
        <source>左手拇指</source>
        <translation>왼손 엄지</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="118" />
        <source>左手食指</source>
        <translation>왼손 검지</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="119" />
        <source>左手中指</source>
        <translation>왼손 중지</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="119" />
        <source>左手无名指</source>
        <translation>왼손 약지</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="120" />
        <source>左手小指</source>
        <translation>왼손 새끼손가락</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="120" />
        <source>右手拇指</source>
        <translation>오른손 엄지</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="121" />
        <source>右手食指</source>
        <translation>오른손 검지</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="121" />
        <source>右手中指</source>
        <translation>오른손 중지</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="122" />
        <source>右手无名指</source>
        <translation>오른손 약지</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="122" />
        <source>右手小指</source>
        <translation>오른손 새끼손가락</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="131" />
        <source>工作正常</source>
        <translation>정상 작동</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="133" />
        <source>未连接</source>
        <translation>연결 안 됨</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="135" />
        <source>故障</source>
        <translation>고장</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="137" />
        <source>未报告</source>
        <translation>보고 없음</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="144" />
        <source>触摸屏</source>
        <translation>터치스크린</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="146" />
        <source>信息发布屏面积（平方米）</source>
        <translation>안내 화면 면적 (m²)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="148" />
        <source>社保卡读卡器</source>
        <translation>카드 리더기</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="150" />
        <source>指纹识别设备</source>
        <translation>지문 인식기</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="152" />
        <source>打印机</source>
        <translation>프린터</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="154" />
        <source>身份证阅读器</source>
        <translation>신분증 판독기</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="163" />
        <source>一类</source>
        <translation>1등급</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="165" />
        <source>二类</source>
        <translation>2등급</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="167" />
        <source>三类</source>
        <translation>3등급</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="169" />
        <source>不达标</source>
        <translation>기준 미달</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::StatementPrinter</name>
    <message>
        <location filename="../kiosk/statement_printer.cpp" line="97" />
        <source>打印机缺纸，暂时不能打印。请到服务窗口打印证明。</source>
        <translation>프린터에 용지가 없습니다. 창구에서 증명서를 인쇄해 주세요.</translation>
    </message>
    <message>
        <location filename="../kiosk/statement_printer.cpp" line="99" />
        <source>打印机卡纸，暂时不能打印。请到服务窗口打印证明。</source>
        <translation>프린터에 용지가 걸렸습니다. 창구에서 증명서를 인쇄해 주세요.</translation>
    </message>
    <message>
        <location filename="../kiosk/statement_printer.cpp" line="102" />
        <source>打印机暂停服务，暂时不能打印。请到服务窗口打印证明。</source>
        <translation>프린터를 사용할 수 없습니다. 창구에서 증명서를 인쇄해 주세요.</translation>
    </message>
    <message>
        <location filename="../kiosk/statement_printer.cpp" line="104" />
        <source>正在检查打印机…</source>
        <translation>프린터를 확인하고 있습니다…</translation>
    </message>
    <message>
        <location filename="../kiosk/statement_printer.cpp" line="108" />
        <source>本机没有打印机。请到服务窗口打印证明。</source>
        <translation>이 단말기에는 프린터가 없습니다. 창구에서 증명서를 인쇄해 주세요.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../qml/components/StatusBar.qml" line="41" />
        <source>待上报 %1</source>
        <translation>전송 대기 %1</translation>
    </message>
    <message>
        <location filename="../qml/components/StatusBar.qml" line="52" />
        <source>%1 项请工作人员处理</source>
        <translation>직원 확인 %1</translation>
    </message>
    <message>
        <location filename="../qml/components/StatusBar.qml" line="63" />
        <source>正在连接…</source>
        <translation>연결 중…</translation>
    </message>
    <message>
        <location filename="../qml/components/StatusBar.qml" line="63" />
        <source>在线</source>
        <translation>온라인</translation>
    </message>
    <message>
        <location filename="../qml/components/StatusBar.qml" line="63" />
        <source>离线</source>
        <translation>오프라인</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::counter::WorkQueue</name>
    <message>
        <location filename="../kiosk/counter/work_queue.cpp" line="195" />
        <source>请先在左侧选择一件申请</source>
        <translation>먼저 왼쪽에서 신청을 하나 고르세요</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/work_queue.cpp" line="242" />
        <source>已认领</source>
        <translation>담당자로 지정되었습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/work_queue.cpp" line="252" />
        <source>已受理</source>
        <translation>접수됨</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/work_queue.cpp" line="255" />
        <source>已通知申请人补充材料</source>
        <translation>신청인에게 추가 서류를 요청했습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/work_queue.cpp" line="258" />
        <source>已作不予受理处理</source>
        <translation>반려 처리되었습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/work_queue.cpp" line="261" />
        <source>已办结</source>
        <translation>처리 완료</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/work_queue.cpp" line="263" />
        <source>未知的操作</source>
        <translation>알 수 없는 작업입니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/work_queue.cpp" line="271" />
        <source>不予受理或要求补充材料时，必须填写原因（申请人会看到）</source>
        <translation>반려하거나 추가 서류를 요청할 때는 사유를 꼭 입력해야 합니다 (신청인에게 보입니다)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/work_queue.cpp" line="276" />
        <source>原因最多200字</source>
        <translation>사유는 200자까지 입력할 수 있습니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/work_queue.cpp" line="292" />
        <source>备注应为1至500字</source>
        <translation>메모는 1~500자여야 합니다</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/work_queue.cpp" line="301" />
        <source>备注已保存</source>
        <translation>메모를 저장했습니다</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::RecordsView</name>
    <message>
        <location filename="../kiosk/records_view.cpp" line="38" />
        <source>%1年%2月</source>
        <translation>%1년 %2월</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::StatementPrinter</name>
    <message>
        <location filename="../kiosk/statement_printer.cpp" line="47" />
        <source>打印失败，请到服务窗口打印。</source>
        <translation>인쇄하지 못했습니다. 창구에서 인쇄해 주세요.</translation>
    </message>
    <message>
        <location filename="../kiosk/statement_printer.cpp" line="53" />
        <source>打印机未能完成打印，请联系工作人员。</source>
        <translation>프린터가 인쇄를 끝내지 못했습니다. 직원에게 문의해 주세요.</translation>
    </message>
    <message>
        <location filename="../kiosk/statement_printer.cpp" line="152" />
        <source>证明未能生成，请到服务窗口打印。</source>
        <translation>증명서를 만들지 못했습니다. 창구에서 인쇄해 주세요.</translation>
    </message>
    <message>
        <location filename="../kiosk/statement_printer.cpp" line="165" />
        <source>打印机暂停服务，请到服务窗口打印。</source>
        <translation>프린터를 사용할 수 없습니다. 창구에서 인쇄해 주세요.</translation>
    </message>
</context>
</TS>