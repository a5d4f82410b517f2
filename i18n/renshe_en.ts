<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>renshe::kiosk::counter::Activation</name>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="44" />
        <source>市民长时间未输入，已取消启用，卡片没有改变</source>
        <translation>The citizen entered nothing for a long time: the activation was cancelled and the card is unchanged</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="44" />
        <source>操作超时，请重新办理</source>
        <translation>Timed out. Please start again</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="77" />
        <source>请设置6位新密码</source>
        <translation>Please choose a new 6-digit PIN</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="79" />
        <source>请再次输入新密码</source>
        <translation>Please enter the new PIN again</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="81" />
        <source>请设置6位服务密码（挂失时使用，不能与卡密码相同）</source>
        <translation>Please choose a 6-digit service password (used to report a loss; not the same as the PIN)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="83" />
        <source>正在办理，请不要拔卡…</source>
        <translation>Working, please do not remove the card…</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="85" />
        <location filename="../kiosk/counter/activation.cpp" line="279" />
        <source>社保卡已启用，请牢记您的新密码</source>
        <translation>Your card is activated. Please remember your new PIN</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="94" />
        <source>正在读卡…</source>
        <translation>Reading the card…</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="96" />
        <source>请市民在密码键盘上设置6位新密码（您看不到密码）</source>
        <translation>The citizen sets a 6-digit PIN on the PIN pad (you cannot see it)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="98" />
        <source>请市民再次输入新密码</source>
        <translation>The citizen enters the new PIN again</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="100" />
        <source>请市民设置6位服务密码</source>
        <translation>The citizen sets a 6-digit service password</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="102" />
        <source>正在写卡并报送后台，请勿拔卡…</source>
        <translation>Writing the card and reporting to the back office. Do not remove the card…</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="143" />
        <source>上一张卡的启用还没有报送后台，请先点“补报启用”</source>
        <translation>The previous card's activation has not reached the back office yet. Press "Report activation" first</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="169" />
        <source>读卡器中的卡（%1）不是要启用的卡（%2）</source>
        <translation>The card in the reader (%1) is not the card to activate (%2)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="185" />
        <source>请输入6位数字</source>
        <translation>Please enter 6 digits</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="207" />
        <source>两次输入的密码不一致，请重新设置</source>
        <translation>The two entries differ. Please choose the PIN again</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="227" />
        <location filename="../kiosk/counter/activation.cpp" line="286" />
        <location filename="../kiosk/counter/activation.cpp" line="301" />
        <location filename="../kiosk/counter/activation.cpp" line="304" />
        <source>暂时无法办理，请联系工作人员</source>
        <translation>This cannot be done now. Please ask the staff</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="261" />
        <source>卡已被换成另一张，没有启用</source>
        <translation>The card was swapped for another one: nothing was activated</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="261" />
        <source>请插入要启用的社保卡</source>
        <translation>Please insert the card to be activated</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="263" />
        <source>读卡失败，请重新插卡后再试</source>
        <translation>Reading the card failed. Insert it again and retry</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="276" />
        <source>卡片密码已设置，但后台还没有记录启用：连接恢复后自动补报，请不要关闭本程序</source>
        <translation>The card's PIN is set, but the back office has not recorded the activation yet: it is reported automatically when the connection returns. Do not close this program</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="278" />
        <source>社保卡已启用，服务密码已设置</source>
        <translation>The card is activated and the service password is set</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="288" />
        <source>卡片的密码已不是初始密码，不能启用；市民忘记密码时请办理密码重置</source>
        <translation>The card no longer has the initial PIN and cannot be activated; if the citizen forgot the PIN, do a PIN reset</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="289" />
        <source>这张卡的初始密码已被修改，请工作人员协助</source>
        <translation>This card's initial PIN has been changed. The staff will help you</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="291" />
        <source>卡片密码已锁定，不能启用</source>
        <translation>The card's PIN is blocked: it cannot be activated</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="291" />
        <source>卡片密码已锁定，请工作人员协助</source>
        <translation>The card's PIN is blocked. The staff will help you</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="293" />
        <source>社保卡被拔出，启用可能没有完成：请重新插卡后查询</source>
        <translation>The card was removed: the activation may not be complete. Insert it again and look it up</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="294" />
        <source>社保卡被拔出，请交给工作人员</source>
        <translation>The card was removed. Please hand it to the staff</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="300" />
        <source>卡片密码已修改，但后台拒绝记录启用：%1</source>
        <translation>The card's PIN changed, but the back office refused to record the activation: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="304" />
        <source>卡片拒绝了这次操作</source>
        <translation>The card refused this operation</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="314" />
        <source>已取消启用，卡片没有改变</source>
        <translation>Activation cancelled; the card is unchanged</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="349" />
        <source>已补报：后台已记录启用</source>
        <translation>Reported: the back office has recorded the activation</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/activation.cpp" line="354" />
        <source>后台拒绝记录启用：%1</source>
        <translation>The back office refused to record the activation: %1</translation>
    </message>
</context>
<context>
    <name>ActivationPopup</name>
    <message>
        <location filename="../qml/counter/ActivationPopup.qml" line="40" />
        <source>协助启用（卡号 %1）</source>
        <translation>Assisted activation (card %1)</translation>
    </message>
    <message>
        <location filename="../qml/counter/ActivationPopup.qml" line="48" />
        <source>请市民在面向他的密码键盘窗口上输入；密码不会显示在本屏幕上。</source>
        <translation>The citizen types on the PIN pad window facing them; the PIN is never shown on this screen.</translation>
    </message>
    <message>
        <location filename="../qml/counter/ActivationPopup.qml" line="79" />
        <source>补报启用</source>
        <translation>Report activation</translation>
    </message>
    <message>
        <location filename="../qml/counter/ActivationPopup.qml" line="85" />
        <source>取消启用</source>
        <translation>Cancel activation</translation>
    </message>
    <message>
        <location filename="../qml/counter/ActivationPopup.qml" line="95" />
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::ApplicationsFlow</name>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="60" />
        <source>%1年%2月</source>
        <translation>%1-%2</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="112" />
        <source>请在每个问题下各选一项</source>
        <translation>Please choose one answer for each question</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="134" />
        <source>请将身份证放在读卡区
或输入18位社会保障号码（身份证号）</source>
        <translation>Place your ID card on the reader
or type your 18-character ID number</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="135" />
        <source>请输入18位社会保障号码（身份证号）</source>
        <translation>Please type your 18-character ID number</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="138" />
        <source>请输入姓名：按拼音输入，再点选汉字</source>
        <translation>Type your name in pinyin, then touch the characters</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="140" />
        <source>请输入14位申请编号（在回执上）</source>
        <translation>Please type the 14-digit application number (it is on your receipt)</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="143" />
        <source>请输入手机号码，工作人员会打电话联系您</source>
        <translation>Please enter your mobile number; the staff will call you</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="147" />
        <source>在哪个单位工作？按拼音输入单位名称</source>
        <translation>Where do you work? Type the name in pinyin</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="149" />
        <source>哪个月开始工作的？</source>
        <translation>Which month did you start?</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="152" />
        <source>用工形式是什么？</source>
        <translation>What kind of employment is it?</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="153" />
        <source>固定期限合同</source>
        <translation>Fixed-term contract</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="154" />
        <source>无固定期限合同</source>
        <translation>Open-ended contract</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="155" />
        <source>完成一定工作任务</source>
        <translation>For a set task</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="156" />
        <source>灵活就业</source>
        <translation>Flexible work</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="157" />
        <source>个体经营</source>
        <translation>Self-employed</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="160" />
        <source>您为什么离开原来的工作？</source>
        <translation>Why did you leave your last job?</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="161" />
        <source>劳动合同到期</source>
        <translation>Contract ended</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="162" />
        <source>被单位辞退</source>
        <translation>Dismissed by employer</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="163" />
        <source>自己辞职</source>
        <translation>I resigned</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="164" />
        <source>单位破产或关闭</source>
        <translation>Employer closed down</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="165" />
        <source>从未就业（毕业生、返乡）</source>
        <translation>Never worked before</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="166" />
        <location filename="../kiosk/applications/application_pages.cpp" line="216" />
        <source>其他原因</source>
        <translation>Other reason</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="168" />
        <source>原来在哪个单位工作？按拼音输入单位名称</source>
        <translation>Where did you work? Type the name in pinyin</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="170" />
        <source>哪个月离开的？</source>
        <translation>Which month did you leave?</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="173" />
        <source>您现在想找工作吗？</source>
        <translation>Are you looking for work now?</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="174" />
        <source>想找工作，也想参加技能培训</source>
        <translation>Yes, and skills training</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="175" />
        <source>想找工作</source>
        <translation>Yes, I want a job</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="176" />
        <source>暂时不找工作</source>
        <translation>Not for now</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="179" />
        <source>您要预约办理什么业务？</source>
        <translation>What would you like to book?</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="180" />
        <source>社保卡业务</source>
        <translation>Card services</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="181" />
        <source>养老保险、待遇认证</source>
        <translation>Pension, proof of life</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="182" />
        <source>就业、失业登记</source>
        <translation>Jobs and unemployment</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="183" />
        <source>医疗保险</source>
        <translation>Medical insurance</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="184" />
        <location filename="../kiosk/applications/application_pages.cpp" line="208" />
        <source>其他业务</source>
        <translation>Other services</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="186" />
        <source>请选择办理时间</source>
        <translation>Please choose a time</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="189" />
        <source>请工作人员上门为谁服务？</source>
        <translation>Who is the home visit for?</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="190" />
        <source>为我本人</source>
        <translation>Myself</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="191" />
        <source>为我的父母</source>
        <translation>My father or mother</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="192" />
        <source>为我的配偶</source>
        <translation>My husband or wife</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="193" />
        <source>为我的子女</source>
        <translation>My son or daughter</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="194" />
        <source>为其他亲属</source>
        <translation>Another relative</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="197" />
        <source>请放上亲属的身份证
或输入亲属的18位身份证号</source>
        <translation>Place your relative's ID card on the reader
or type their 18-character ID number</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="198" />
        <source>请输入亲属的18位身份证号</source>
        <translation>Please type your relative's 18-character ID number</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="201" />
        <source>请输入亲属的姓名：按拼音输入，再点选汉字</source>
        <translation>Relative's name: type pinyin, then touch characters</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="204" />
        <source>需要上门办理什么？</source>
        <translation>What do you need the visit for?</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="205" />
        <source>养老金资格认证</source>
        <translation>Pension proof of life</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="206" />
        <source>参保登记</source>
        <translation>Insurance registration</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="207" />
        <source>社保卡办理</source>
        <translation>Social security card</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="211" />
        <source>为什么不方便到服务窗口？</source>
        <translation>Why is it hard to come to the counter?</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="212" />
        <source>长期卧床</source>
        <translation>Bedridden</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="213" />
        <source>残疾</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="214" />
        <source>年纪大，行动不便</source>
        <translation>Old age, hard to walk</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="215" />
        <source>重病</source>
        <translation>Serious illness</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="218" />
        <source>上门地址：按拼音输入村、组和门牌</source>
        <translation>Address in pinyin: village, group and house number</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="219" />
        <source>请核对以下信息，无误请点“提交”</source>
        <translation>Please check the details, then touch “Send”</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="227" />
        <source>上午</source>
        <translation>morning</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="227" />
        <source>下午</source>
        <translation>afternoon</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="228" />
        <source>%1月%2日%3（余%4个）</source>
        <translation>%1/%2 %3 (%4 left)</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="312" />
        <location filename="../kiosk/applications/applications_submit.cpp" line="190" />
        <source>申请事项：%1</source>
        <translation>Application: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="314" />
        <location filename="../kiosk/applications/applications_submit.cpp" line="191" />
        <source>申请人：%1 %2</source>
        <translation>Applicant: %1 %2</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="318" />
        <source>申请人：社保卡持卡人本人</source>
        <translation>Applicant: the cardholder</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="321" />
        <source>离职原因：%1</source>
        <translation>Reason for leaving: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="323" />
        <source>原工作单位：%1</source>
        <translation>Last employer: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="324" />
        <source>离职时间：%1</source>
        <translation>Left work in: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="325" />
        <source>求职意愿：%1</source>
        <translation>Looking for work: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="328" />
        <source>用人单位：%1</source>
        <translation>Employer: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="329" />
        <source>就业时间：%1</source>
        <translation>Started: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="330" />
        <source>用工形式：%1</source>
        <translation>Employment: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="333" />
        <source>预约业务：%1</source>
        <translation>Appointment for: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="334" />
        <source>办理时间：%1</source>
        <translation>Time: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="337" />
        <source>服务对象：%1</source>
        <translation>Visit for: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="339" />
        <source>亲属：%1 %2</source>
        <translation>Relative: %1 %2</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="342" />
        <source>上门办理：%1</source>
        <translation>Service needed: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="343" />
        <source>原因：%1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="344" />
        <source>地址：%1</source>
        <translation>Address: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="347" />
        <source>应聘岗位：%1</source>
        <translation>Job applied for: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/application_pages.cpp" line="353" />
        <source>联系电话：%1</source>
        <translation>Phone: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="47" />
        <source>失业登记</source>
        <translation>Unemployment registration</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="49" />
        <source>就业登记</source>
        <translation>Employment registration</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="51" />
        <source>预约办事</source>
        <translation>Book an appointment</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="53" />
        <source>上门服务申请</source>
        <translation>Home visit request</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="55" />
        <source>我要应聘：%1</source>
        <translation>Apply for: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="57" />
        <source>办理进度查询</source>
        <translation>Check progress</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="61" />
        <source>业务申请</source>
        <translation>Apply for services</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="67" />
        <source>请选择要办理的业务</source>
        <translation>Please choose a service</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="70" />
        <source>正在查询可预约的时间，请稍候…</source>
        <translation>Looking up free times, please wait…</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="71" />
        <source>正在查询，请稍候…</source>
        <translation>Looking it up, please wait…</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="71" />
        <source>正在提交，请稍候…</source>
        <translation>Sending, please wait…</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="73" />
        <source>申请已保存，网络恢复后自动提交</source>
        <translation>Application saved; it will be sent when the network returns</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="73" />
        <source>提交成功</source>
        <translation>Your application has been sent</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="75" />
        <source>办理进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="98" />
        <source>第%1步，共%2步</source>
        <translation>Step %1 of %2</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="269" />
        <source>请先输入姓名</source>
        <translation>Please enter your name first</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="269" />
        <source>请先输入内容</source>
        <translation>Please type something first</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="273" />
        <source>地址太短，工作人员找不到：请写上村、组和门牌</source>
        <translation>The address is too short for the staff to find you: please give the village, group and house number</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="280" />
        <source>请输入11位手机号码</source>
        <translation>Please enter an 11-digit mobile number</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="284" />
        <source>申请编号是14位数字，请核对回执</source>
        <translation>The application number has 14 digits; please check your receipt</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="290" />
        <source>请点选一项</source>
        <translation>Please touch one answer</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="412" />
        <source>近两周这项业务已约满，请选择其他业务或到窗口咨询</source>
        <translation>This service is fully booked for the next two weeks. Please choose another or ask at the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="458" />
        <source>业务申请凭条（待提交）</source>
        <translation>Application slip (not yet sent)</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_flow.cpp" line="458" />
        <source>业务申请回执</source>
        <translation>Application receipt</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="98" />
        <source>网络中断，申请已保存在本机（凭证号%1），网络恢复后自动提交。提交后工作人员会电话联系您</source>
        <translation>The network is down. Your application is saved on this terminal (reference %1) and will be sent when the network returns. The staff will then call you</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="102" />
        <source>凭证号：%1</source>
        <translation>Reference: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="103" />
        <source>状态：已保存，网络恢复后自动提交</source>
        <translation>Status: saved, to be sent when the network returns</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="109" />
        <location filename="../kiosk/applications/applications_submit.cpp" line="189" />
        <source>申请编号：%1</source>
        <translation>Application number: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="110" />
        <source>提交时间：%1</source>
        <translation>Sent: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="113" />
        <location filename="../kiosk/applications/applications_submit.cpp" line="195" />
        <source>办理时限：%1前</source>
        <translation>To be completed by: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="115" />
        <source>凭申请编号和身份证号可在本机“进度查询”查看办理进度</source>
        <translation>With the application number and your ID number you can follow it under “Check progress” on this terminal</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="127" />
        <source>身份证号码和姓名与登记信息不一致，请核对后重试</source>
        <translation>The ID number and name do not match our records; please check and try again</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="131" />
        <source>亲属的身份证号码或姓名与登记信息不一致，请核对</source>
        <translation>Your relative's ID number or name does not match our records; please check</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="135" />
        <source>这个时间刚刚约满了，请另选一个时间</source>
        <translation>That time has just been fully booked. Please choose another time</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="140" />
        <source>您已经提交过同样的申请，正在办理中。可用“进度查询”查看</source>
        <translation>You have already sent the same application and it is being handled. See “Check progress”</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="143" />
        <source>这个岗位已经招满或下架了，请看看其他岗位</source>
        <translation>This job has been filled or withdrawn. Please look at other jobs</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="146" />
        <location filename="../kiosk/applications/applications_submit.cpp" line="228" />
        <source>密码验证已超过5分钟，请取出社保卡重新插入</source>
        <translation>More than 5 minutes have passed since your PIN was checked. Please take out the card and insert it again</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="182" />
        <source>没有找到这个编号的申请，请核对申请编号和身份证号</source>
        <translation>No application was found with this number. Please check the application number and ID number</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="194" />
        <source>当前状态：%1</source>
        <translation>Current status: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="197" />
        <source>说明：%1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="235" />
        <source>%1　%2　%3，%4前</source>
        <translation>%1 · %2 · %3, by %4</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="239" />
        <source>您目前没有办理中的申请</source>
        <translation>You have no applications in progress</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="240" />
        <source>您的申请（编号、事项、状态、办理时限）</source>
        <translation>Your applications (number, what, state, due by)</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="249" />
        <source>已提交，等待工作人员审核</source>
        <translation>Sent; waiting for staff to check it</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="251" />
        <source>已受理，正在办理</source>
        <translation>Accepted; being handled</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="253" />
        <source>需要补充材料</source>
        <translation>More documents needed</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="255" />
        <source>不予受理</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="257" />
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="259" />
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
</context>
<context>
    <name>ApplicationsScreen</name>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="82" />
        <source>失业登记</source>
        <translation>Unemployment registration</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="82" />
        <source>领取失业保险、享受就业服务</source>
        <translation>Unemployment benefit and job services</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="85" />
        <source>就业登记</source>
        <translation>Employment registration</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="85" />
        <source>找到工作后登记</source>
        <translation>Register a new job</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="88" />
        <source>预约办事</source>
        <translation>Book an appointment</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="88" />
        <source>约好时间，到窗口不排队</source>
        <translation>Pick a time, no queuing at the counter</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="91" />
        <source>上门服务</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="91" />
        <source>老人、病人、残疾人在家办</source>
        <translation>At home for older, ill or disabled people</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="94" />
        <source>进度查询</source>
        <translation>Check progress</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="94" />
        <source>凭申请编号查询</source>
        <translation>With your application number</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="216" />
        <source>申请编号：%1</source>
        <translation>Application number: %1</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="256" />
        <source>返回首页</source>
        <translation>Back to the home screen</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="256" />
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="279" />
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="288" />
        <source>打印回执</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="297" />
        <source>提交</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../qml/screens/ApplicationsScreen.qml" line="297" />
        <source>下一步</source>
        <translation>Next</translation>
    </message>
</context>
<context>
    <name>CardScreen</name>
    <message>
        <location filename="../qml/screens/CardScreen.qml" line="48" />
        <source>卡片状态：%1</source>
        <translation>Card status: %1</translation>
    </message>
    <message>
        <location filename="../qml/screens/CardScreen.qml" line="48" />
        <source>正在查询…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../qml/screens/CardScreen.qml" line="152" />
        <source>打印回执</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <location filename="../qml/screens/CardScreen.qml" line="168" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../qml/screens/CardScreen.qml" line="180" />
        <source>请不要拔卡</source>
        <translation>Please do not remove the card</translation>
    </message>
    <message>
        <location filename="../qml/screens/CardScreen.qml" line="180" />
        <source>办理完毕请取走社保卡</source>
        <translation>Please take your card when you are done</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::CardSession</name>
    <message>
        <location filename="../kiosk/card_session.cpp" line="133" />
        <source>正在查询卡片状态，请稍候…</source>
        <translation>Checking your card, please wait…</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="174" />
        <source>读不到卡片，请确认芯片朝上、朝里重新插卡</source>
        <translation>Cannot read the card. Insert it again with the chip facing up and in</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="177" />
        <source>这不是社会保障卡，请插入社保卡</source>
        <translation>This is not a social security card. Please insert your social security card</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="180" />
        <source>社保卡已锁定，请带身份证到窗口办理</source>
        <translation>The card is locked. Please bring your ID card to the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="183" />
        <source>卡片信息读取失败，请取出后重新插卡</source>
        <translation>Reading the card failed. Please take it out and insert it again</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="194" />
        <source>网络未连接，暂时只能查看卡片信息</source>
        <translation>Offline: only the card's own information can be shown now</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="213" />
        <source>新卡需要先启用：设置您自己的密码</source>
        <translation>A new card must be activated first: choose your own PIN</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="218" />
        <location filename="../kiosk/card_session_text.cpp" line="130" />
        <source>网络暂时不通，请稍后再试，或到窗口办理</source>
        <translation>The network is down. Please try again later or go to the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="317" />
        <source>操作超时，请取走社保卡</source>
        <translation>Timed out. Please take your card</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="326" />
        <source>请输入6位数字</source>
        <translation>Please enter 6 digits</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="359" />
        <source>两次输入的密码不一致，请重新设置</source>
        <translation>The two entries differ. Please choose the PIN again</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="395" />
        <source>暂时无法办理，请联系工作人员</source>
        <translation>This cannot be done now. Please ask the staff</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="400" />
        <source>正在办理，请不要拔卡…</source>
        <translation>Working, please do not remove the card…</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="507" />
        <source>社保卡启用回执</source>
        <translation>Card activation receipt</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="510" />
        <source>社保卡修改密码回执</source>
        <translation>PIN change receipt</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="513" />
        <source>社保卡解挂回执</source>
        <translation>Loss report withdrawal receipt</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="516" />
        <source>社保卡密码重置回执</source>
        <translation>PIN reset receipt</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="526" />
        <source>姓名：%1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="526" />
        <source>社会保障号码：%1</source>
        <translation>Social security number: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="527" />
        <source>社保卡卡号：%1</source>
        <translation>Card number: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="527" />
        <source>办理结果：%1</source>
        <translation>Result: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session.cpp" line="529" />
        <source>卡片状态：%1</source>
        <translation>Card status: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="23" />
        <source>已过有效期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="24" />
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="30" />
        <source>未启用</source>
        <translation>Not activated</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="32" />
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="34" />
        <source>临时挂失</source>
        <translation>Temporarily reported lost</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="36" />
        <source>正式挂失</source>
        <translation>Formally reported lost</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="38" />
        <source>补换卡中</source>
        <translation>Replacement in progress</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="40" />
        <source>已补换</source>
        <translation>Replaced</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="42" />
        <source>已注销</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="51" />
        <source>请输入社保卡密码</source>
        <translation>Please enter your card PIN</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="53" />
        <source>请设置6位新密码</source>
        <translation>Please choose a new 6-digit PIN</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="55" />
        <source>请再次输入新密码</source>
        <translation>Please enter the new PIN again</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="58" />
        <source>请设置6位服务密码（挂失时使用，不能与卡密码相同）</source>
        <translation>Please choose a 6-digit service password (used to report a loss; not the same as the PIN)</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="59" />
        <source>请输入服务密码</source>
        <translation>Please enter your service password</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="68" />
        <source>密码错误，还可以再试%1次</source>
        <translation>Wrong PIN. %1 tries left</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="70" />
        <source>密码已锁定。可以用服务密码重置，或带身份证到窗口办理</source>
        <translation>The PIN is blocked. Reset it with your service password, or bring your ID card to the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="72" />
        <source>卡片拒绝了这次操作，请到窗口办理</source>
        <translation>The card refused this operation. Please go to the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="80" />
        <source>启用社保卡</source>
        <translation>Activate card</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="82" />
        <source>修改密码</source>
        <translation>Change PIN</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="84" />
        <source>解除挂失</source>
        <translation>Cancel loss report</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="86" />
        <source>忘记密码</source>
        <translation>Forgot PIN</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="88" />
        <source>养老资格认证</source>
        <translation>Proof of life</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="90" />
        <source>查询卡片记录</source>
        <translation>Card history</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="92" />
        <source>我的社保</source>
        <translation>My social insurance</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="94" />
        <source>业务申请</source>
        <translation>Apply for services</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="116" />
        <source>社保卡已启用，请牢记您的新密码</source>
        <translation>Your card is activated. Please remember your new PIN</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="118" />
        <source>社保卡已启用，请牢记您的新密码。网络恢复后将自动通知社保系统</source>
        <translation>Your card is activated. Please remember your new PIN. The social security system will be told as soon as the network is back</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="120" />
        <source>密码修改成功，请牢记新密码</source>
        <translation>PIN changed. Please remember your new PIN</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="122" />
        <source>解挂成功，社保卡已恢复正常使用</source>
        <translation>Loss report cancelled; your card works again</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="124" />
        <source>密码已重置，请牢记新密码</source>
        <translation>PIN reset. Please remember your new PIN</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="126" />
        <source>以下是您的社保卡记录（最新在前）</source>
        <translation>Your card's history, newest first</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="128" />
        <source>参保记录已查询，取卡后不再显示</source>
        <translation>Your insurance records were shown; they are gone once you take the card</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="132" />
        <source>卡片密码已修改，但未能通知社保系统。请不要再次启用，联系工作人员处理</source>
        <translation>The card's PIN was changed but the social security system could not be told. Do not activate again; please ask the staff</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="134" />
        <source>卡片的初始密码已被修改，请到窗口办理启用</source>
        <translation>The card's initial PIN was already changed. Please activate it at the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="136" />
        <source>卡片被拔出，操作可能没有完成。请重新插卡查看</source>
        <translation>The card was removed; the operation may not be complete. Please insert it again to check</translation>
    </message>
    <message>
        <location filename="../kiosk/card_session_text.cpp" line="152" />
        <location filename="../kiosk/card_session_text.cpp" line="153" />
        <source>发卡</source>
        <translation>Issued</translation>
    </message>
</context>
<context>
    <name>CertificationScreen</name>
    <message>
        <location filename="../qml/screens/CertificationScreen.qml" line="29" />
        <source>养老金领取资格认证</source>
        <translation>Pension eligibility certification</translation>
    </message>
    <message>
        <location filename="../qml/screens/CertificationScreen.qml" line="29" />
        <source>我的社保</source>
        <translation>My social insurance</translation>
    </message>
    <message>
        <location filename="../qml/screens/CertificationScreen.qml" line="105" />
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/screens/CertificationScreen.qml" line="121" />
        <source>打印回执</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <location filename="../qml/screens/CertificationScreen.qml" line="129" />
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../qml/screens/CertificationScreen.qml" line="138" />
        <source>开始认证</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../qml/screens/CertificationScreen.qml" line="138" />
        <source>开始验证</source>
        <translation>Verify</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::CertificationSession</name>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="93" />
        <source>请将身份证放在读卡区
或用数字键输入18位社会保障号码（身份证号）</source>
        <translation>Place your ID card on the reader
or type your ID number on the keys</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="94" />
        <source>请输入18位社会保障号码（身份证号）</source>
        <translation>Please type your 18-character ID number</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="141" />
        <source>暂时无法查询，请插入社保卡查询或到窗口办理</source>
        <translation>Cannot look this up now. Please insert your social security card or go to the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="142" />
        <source>暂时无法认证，请到窗口办理</source>
        <translation>Certification is not possible here now; please go to the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="156" />
        <source>正在查询，请稍候…</source>
        <translation>Looking it up, please wait…</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="156" />
        <source>正在查询认证状态…</source>
        <translation>Checking your certification…</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="160" />
        <source>网络未连接，暂时不能查询</source>
        <translation>No network connection; cannot look this up now</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="160" />
        <source>网络未连接，暂时不能认证</source>
        <translation>Offline: certification is not possible now</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="187" />
        <location filename="../kiosk/certification_session.cpp" line="404" />
        <source>网络暂时不通，请稍后再试</source>
        <translation>The network is down. Please try again later</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="199" />
        <source>您还没有登记指纹，请插入社保卡用密码查询，或带身份证到窗口登记指纹</source>
        <translation>No fingerprint is enrolled for you. Insert your social security card and use your PIN, or bring your ID card to the counter to enrol one</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="202" />
        <source>请按指纹验证身份，验证后查看您的参保和缴费记录</source>
        <translation>Confirm who you are with your fingerprint, then see your insurance and contribution records</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="209" />
        <source>您不是养老金领取人员，不需要认证</source>
        <translation>You do not receive a pension; no certification is needed</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="212" />
        <location filename="../kiosk/certification_session.cpp" line="390" />
        <source>已认证，有效期至%1</source>
        <translation>Certified until %1</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="215" />
        <source>请在%1前完成认证</source>
        <translation>Please certify before %1</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="218" />
        <source>已逾期（%1到期），养老金暂停发放，认证后恢复</source>
        <translation>Overdue (due %1): the pension is suspended and resumes once you certify</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="225" />
        <source>您还没有登记指纹，请带身份证到窗口登记</source>
        <translation>No fingerprint is enrolled; please enrol at the counter with your ID card</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="243" />
        <location filename="../kiosk/certification_session.cpp" line="291" />
        <source>指纹仪暂时不可用，请到窗口办理</source>
        <translation>The fingerprint sensor is not available; please go to the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="247" />
        <source>正在准备指纹仪…</source>
        <translation>Preparing the sensor…</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="255" />
        <source>请把手指平放在指纹仪上</source>
        <translation>Please put your finger flat on the sensor</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="256" />
        <source>正在比对，请稍候…</source>
        <translation>Comparing, please wait…</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="374" />
        <source>三次比对都没有成功，请插入社保卡用密码查询，或带身份证到窗口办理</source>
        <translation>Three scans did not match. Insert your social security card and use your PIN, or bring your ID card to the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="375" />
        <source>三次比对都没有成功，请带身份证到窗口认证，工作人员会帮您办理</source>
        <translation>Three scans did not match. Please bring your ID card to the counter; the staff will certify you there</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="386" />
        <source>指纹比对成功，但没能登记结果，请到窗口确认</source>
        <translation>The fingerprint matched but the result could not be recorded; please check at the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="391" />
        <source>认证成功，有效期至%1</source>
        <translation>Certified; valid until %1</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="393" />
        <source>。养老金将恢复发放，暂停期间的养老金将补发</source>
        <translation>. Your pension resumes and the suspended months will be paid</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="410" />
        <source>验证通过，正在打开我的社保…</source>
        <translation>Verified. Opening your social insurance records…</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="415" />
        <source>指纹不一致</source>
        <translation>The fingerprint does not match</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="419" />
        <source>按压时间太短</source>
        <translation>The finger was lifted too soon</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="422" />
        <source>请把手指放在指纹仪中间</source>
        <translation>Please centre your finger on the sensor</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="425" />
        <source>请抬起手指再重新放上</source>
        <translation>Please lift your finger and put it down again</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="428" />
        <source>没有采集清楚</source>
        <translation>The scan was not clear</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="432" />
        <source>%1，还可以再试%2次</source>
        <translation>%1; %2 tries left</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="459" />
        <source>养老金领取资格认证回执</source>
        <translation>Receipt: pension eligibility certification</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="460" />
        <source>社会保障号码：%1</source>
        <translation>Social security number: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="461" />
        <source>认证结果：成功</source>
        <translation>Result: certified</translation>
    </message>
    <message>
        <location filename="../kiosk/certification_session.cpp" line="461" />
        <source>有效期至：%1</source>
        <translation>Valid until: %1</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::CitizenMessages</name>
    <message>
        <location filename="../kiosk/messages.cpp" line="18" />
        <source>网络暂时不通，请稍后再试，或到窗口办理</source>
        <translation>The network is down. Please try again later or go to the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="20" />
        <source>这张卡未在系统中登记，请到窗口咨询</source>
        <translation>This card is not registered. Please ask at the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="22" />
        <source>没有查到这个号码的参保信息，请核对号码，或带身份证到窗口办理</source>
        <translation>No insurance record was found for this number. Check it, or bring your ID card to the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="24" />
        <source>卡片当前状态不能办理此业务，请到窗口咨询</source>
        <translation>This service is not available for the card in its current state. Please ask at the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="26" />
        <source>服务密码不正确</source>
        <translation>The service password is wrong</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="28" />
        <source>此卡已正式挂失，请带身份证到窗口解挂</source>
        <translation>The card is formally reported lost. Bring your ID card to the counter to cancel the report</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="30" />
        <source>此卡已申请补换，新卡制作中，不能解挂</source>
        <translation>A replacement has been requested and is being made; the report cannot be cancelled</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="33" />
        <source>尝试次数过多，请%1分钟后再试，或到窗口办理</source>
        <translation>Too many attempts. Please try again in %1 minutes or go to the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="36" />
        <source>本终端只能办理本辖区参保人员的业务，请到参保地办理</source>
        <translation>This terminal serves residents of its own area only. Please go to your home service point</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="38" />
        <source>社保卡已过有效期，请到窗口换卡</source>
        <translation>The card has expired. Please renew it at the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="40" />
        <source>操作超时，请重新输入密码</source>
        <translation>Timed out. Please enter the PIN again</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="42" />
        <source>服务密码太简单，请重新设置</source>
        <translation>The service password is too simple. Please choose another</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="44" />
        <source>您还没有登记指纹，请使用服务密码</source>
        <translation>No fingerprint is enrolled. Please use your service password</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="46" />
        <source>您不是养老金领取人员，不需要认证</source>
        <translation>You do not receive a pension; no certification is needed</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="48" />
        <source>您的指纹是在其他型号的指纹仪上登记的，请到窗口认证</source>
        <translation>Your fingerprint was enrolled on another type of sensor; please certify at the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/messages.cpp" line="52" />
        <source>暂时无法办理，请联系工作人员</source>
        <translation>This cannot be done now. Please ask the staff</translation>
    </message>
</context>
<context>
    <name>CitizenPinWindow</name>
    <message>
        <location filename="../qml/counter/CitizenPinWindow.qml" line="20" />
        <source>社保卡启用 · 请市民输入密码</source>
        <translation>Card activation · for the citizen to enter the PIN</translation>
    </message>
    <message>
        <location filename="../qml/counter/CitizenPinWindow.qml" line="45" />
        <source>%1 的社保卡（卡号 %2）</source>
        <translation>%1's social security card (card %2)</translation>
    </message>
    <message>
        <location filename="../qml/counter/CitizenPinWindow.qml" line="89" />
        <source>不办了</source>
        <translation>Stop</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::counter::ContentPublisher</name>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="225" />
        <source>时段格式应为 08:30 至 17:00</source>
        <translation>Write the times as 08:30 and 17:00</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="227" />
        <source>时段的结束要晚于开始</source>
        <translation>The end of the times must be after their start</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="230" />
        <source>星期的选择不正确</source>
        <translation>The days chosen are not valid</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="232" />
        <source>优先级应为0至9</source>
        <translation>The priority is a number from 0 to 9</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="314" />
        <source>已撤下：信息屏将不再播放</source>
        <translation>Taken down: the displays no longer play it</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="335" />
        <source>请填写标题</source>
        <translation>Enter a title</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="337" />
        <source>标题最多%1字（信息屏上两行）</source>
        <translation>At most %1 characters in the title (two lines on the display)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="339" />
        <source>正文最多%1字</source>
        <translation>At most %1 characters in the text</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="342" />
        <source>日期格式应为 2026-12-31</source>
        <translation>Write dates as 2026-12-31</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="344" />
        <source>结束日期早于开始日期</source>
        <translation>The last day is before the first</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="346" />
        <source>结束日期已经过去</source>
        <translation>The last day has passed</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="351" />
        <source>找不到这个图片文件</source>
        <translation>That image file cannot be found</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="354" />
        <source>图片须为 PNG 或 JPEG</source>
        <translation>The image must be PNG or JPEG</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="356" />
        <source>图片最大3 MB</source>
        <translation>The image may be at most 3 MB</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="426" />
        <source>已修改：大厅信息屏将在几秒内更新</source>
        <translation>Changed: the hall's displays update within seconds</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/content_publisher.cpp" line="427" />
        <source>已发布：大厅信息屏将在几秒内播放</source>
        <translation>Published: the hall's displays will play it within seconds</translation>
    </message>
</context>
<context>
    <name>ContentView</name>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="42" />
        <source>选择通知的图片</source>
        <translation>Choose the notice's picture</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="43" />
        <source>图片 (*.png *.jpg *.jpeg)</source>
        <translation>Pictures (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="63" />
        <source>发布到哪个播放列表</source>
        <translation>Publish to which playlist</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="72" />
        <source>新建：本所信息发布</source>
        <translation>New: this service point's notices</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="113" />
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="123" />
        <source>撤下</source>
        <translation>Take down</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="159" />
        <source>正在修改：%1（保存后所有播放它的信息屏都更新）</source>
        <translation>Editing: %1 (once saved, every display playing it updates)</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="171" />
        <source>取消修改</source>
        <translation>Stop editing</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="180" />
        <source>标题（最多60字）</source>
        <translation>Title (at most 60 characters)</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="184" />
        <source>正文</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="215" />
        <source>开始日期（空：今天起）</source>
        <translation>First day (empty: from today)</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="223" />
        <source>结束日期（空：一直播放）</source>
        <translation>Last day (empty: no end)</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="229" />
        <source>播放时间（不选星期即每天；时段不填即全天）</source>
        <translation>When it plays (no day chosen: every day; no times: all day)</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="239" />
        <source>一</source>
        <translation>Mo</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="239" />
        <source>二</source>
        <translation>Tu</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="239" />
        <source>三</source>
        <translation>We</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="239" />
        <source>四</source>
        <translation>Th</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="239" />
        <source>五</source>
        <translation>Fr</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="239" />
        <source>六</source>
        <translation>Sa</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="239" />
        <source>日</source>
        <translation>Su</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="256" />
        <source>每天从</source>
        <translation>Each day from</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="264" />
        <source>到</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="271" />
        <source>优先级（0–9，高者先播）</source>
        <translation>Priority (0–9, higher plays first)</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="283" />
        <source>换一张图片（不填则保留原图片）</source>
        <translation>Another picture (empty keeps the current one)</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="284" />
        <source>图片文件（PNG 或 JPEG，可不填）</source>
        <translation>Image file (PNG or JPEG, optional)</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="294" />
        <source>选择图片…</source>
        <translation>Choose picture…</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="305" />
        <source>横屏 1920×1080</source>
        <translation>Landscape 1920×1080</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="313" />
        <source>竖屏</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="326" />
        <source>正在发布…</source>
        <translation>Publishing…</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="327" />
        <source>发布</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="327" />
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../qml/counter/ContentView.qml" line="338" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::counter::Counter</name>
    <message>
        <location filename="../kiosk/counter/counter.cpp" line="94" />
        <source>口令连续输错，密钥已锁定，请%1分钟后再试</source>
        <translation>Too many wrong passphrases: the key is locked. Try again in %1 minutes</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter.cpp" line="99" />
        <source>请输入密钥口令</source>
        <translation>Please enter the key passphrase</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter.cpp" line="116" />
        <source>密钥文件没有口令保护，不能使用（请用 renshe-admin pki protect-key 加密）</source>
        <translation>The key file is not protected by a passphrase and cannot be used (protect it with renshe-admin pki protect-key)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter.cpp" line="121" />
        <source>无法读取密钥文件</source>
        <translation>Cannot read the key file</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter.cpp" line="134" />
        <source>口令连续%1次错误，密钥已锁定%2分钟</source>
        <translation>%1 wrong passphrases in a row: the key is locked for %2 minutes</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter.cpp" line="139" />
        <source>口令错误，还可尝试%1次</source>
        <translation>Wrong passphrase. %1 tries left</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter.cpp" line="152" />
        <source>此证书不是工作人员证书</source>
        <translation>This is not a staff certificate</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter.cpp" line="159" />
        <source>无法读取证书文件</source>
        <translation>Cannot read the certificate file</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter.cpp" line="199" />
        <source>已%1分钟无操作，工作站已锁定，请重新输入口令</source>
        <translation>No activity for %1 minutes: the workstation is locked. Please enter your passphrase again</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::counter::CounterCard</name>
    <message>
        <location filename="../kiosk/counter/counter_card.cpp" line="12" />
        <source>没有连接读卡器</source>
        <translation>No card reader is connected</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter_card.cpp" line="25" />
        <source>读卡器中没有卡，请插入社保卡</source>
        <translation>No card in the reader. Please insert the social security card</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter_card.cpp" line="27" />
        <source>读卡服务（pcscd）没有运行</source>
        <translation>The card service (pcscd) is not running</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter_card.cpp" line="29" />
        <source>这不是社保卡</source>
        <translation>This is not a social security card</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter_card.cpp" line="31" />
        <source>社保卡已锁定或数据无法读取</source>
        <translation>The card is locked or its data cannot be read</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/counter_card.cpp" line="33" />
        <source>读卡失败，请重新插卡后再试</source>
        <translation>Reading the card failed. Insert it again and retry</translation>
    </message>
</context>
<context>
    <name>CounterHeader</name>
    <message>
        <location filename="../qml/counter/CounterHeader.qml" line="18" />
        <source>人社窗口工作站</source>
        <translation>Social Security Counter Workstation</translation>
    </message>
    <message>
        <location filename="../qml/counter/CounterHeader.qml" line="26" />
        <source>工作人员 %1 · 辖区 %2</source>
        <translation>Staff %1 · Area %2</translation>
    </message>
    <message>
        <location filename="../qml/counter/CounterHeader.qml" line="43" />
        <source>后台已连接</source>
        <translation>Back office connected</translation>
    </message>
    <message>
        <location filename="../qml/counter/CounterHeader.qml" line="43" />
        <source>后台连接中断：操作暂不可用</source>
        <translation>Back office unreachable: actions unavailable</translation>
    </message>
    <message>
        <location filename="../qml/counter/CounterHeader.qml" line="60" />
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
</context>
<context>
    <name>CounterMain</name>
    <message>
        <location filename="../qml/counter/CounterMain.qml" line="16" />
        <source>人社窗口工作站</source>
        <translation>Social Security Counter Workstation</translation>
    </message>
</context>
<context>
    <name>CounterNav</name>
    <message>
        <location filename="../qml/counter/CounterNav.qml" line="21" />
        <source>人员查询</source>
        <translation>Person look-up</translation>
    </message>
    <message>
        <location filename="../qml/counter/CounterNav.qml" line="22" />
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <location filename="../qml/counter/CounterNav.qml" line="23" />
        <source>大厅设备</source>
        <translation>Hall machines</translation>
    </message>
    <message>
        <location filename="../qml/counter/CounterNav.qml" line="24" />
        <source>信息发布</source>
        <translation>Hall display</translation>
    </message>
</context>
<context>
    <name>DisplayMain</name>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="66" />
        <source>%1月%2日</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="69" />
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="69" />
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="69" />
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="69" />
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="69" />
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="69" />
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="69" />
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="209" />
        <source>正在办理</source>
        <translation>Being served</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="256" />
        <source>扫码查看岗位详情</source>
        <translation>Scan for the job details</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="333" />
        <source>社保、就业、劳动关系问题，请拨打人社服务热线</source>
        <translation>Social security, jobs, employment rights: call the hotline</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="355" />
        <source>欢迎来到%1</source>
        <translation>Welcome to %1</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="363" />
        <source>人社服务热线 12333</source>
        <translation>Service hotline 12333</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="381" />
        <source>⚠ 网络中断，显示的是 %1 更新的内容</source>
        <translation>⚠ Offline: showing content last updated %1</translation>
    </message>
    <message>
        <location filename="../qml/screens/DisplayMain.qml" line="382" />
        <source>⚠ 正在连接服务器</source>
        <translation>⚠ Connecting to the server</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::Feedback</name>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="41" />
        <source>等待时间长、办理慢</source>
        <translation>Long wait, slow service</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="42" />
        <source>操作复杂、看不清</source>
        <translation>Hard to use or read</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="43" />
        <source>问题没有解决</source>
        <translation>Problem not solved</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="44" />
        <source>设备有故障</source>
        <translation>Machine not working</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="45" />
        <source>服务态度不好</source>
        <translation>Unfriendly service</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="46" />
        <source>其他原因</source>
        <translation>Other reason</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="61" />
        <source>请您对本次服务进行评价</source>
        <translation>Please rate this service</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="74" />
        <source>很抱歉给您带来不便。请选择不满意的原因（可多选），再点“提交评价”</source>
        <translation>We are sorry for the trouble. Please choose what was wrong (you may choose several), then touch “Send rating”</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="94" />
        <source>请至少选择一个原因</source>
        <translation>Please choose at least one reason</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="115" />
        <source>感谢您的评价，工作人员将在15个工作日内回访改进</source>
        <translation>Thank you for your rating. The staff will follow it up and improve within 15 working days</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="115" />
        <source>感谢您的评价！</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="152" />
        <source>正在呼叫工作人员…</source>
        <translation>Calling the staff…</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="156" />
        <location filename="../kiosk/applications/feedback.cpp" line="175" />
        <source>暂时联系不上工作人员，请到服务窗口咨询</source>
        <translation>The staff cannot be reached right now. Please ask at the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/feedback.cpp" line="174" />
        <source>已通知工作人员，请在这里稍候，马上就来</source>
        <translation>The staff have been told. Please wait here; someone will come soon</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::counter::FingerprintEnrolment</name>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="25" />
        <source>按压时间太短，请再按一次</source>
        <translation>Pressed too briefly: press again</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="27" />
        <source>手指没有放在中间，请放正后再按</source>
        <translation>Finger off centre: centre it and press again</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="29" />
        <source>请抬起手指，再重新按下</source>
        <translation>Lift the finger and press again</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="33" />
        <source>这次没有采集好，请再按一次</source>
        <translation>That scan did not take: press again</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="94" />
        <source>请先查询要登记指纹的人员</source>
        <translation>Look up the person to enrol first</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="96" />
        <source>请在手形图上选择要登记的手指</source>
        <translation>Choose the finger to enrol on the hands</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="99" />
        <source>%1已登记过，重新登记须填写原因</source>
        <translation>%1 is already enrolled: give a reason to enrol it again</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="105" />
        <source>没有找到指纹仪，请检查连接</source>
        <translation>No fingerprint sensor found: check its cable</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="113" />
        <source>正在准备指纹仪…</source>
        <translation>Preparing the sensor…</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="122" />
        <source>请把%1平放在指纹仪上</source>
        <translation>Place the %1 flat on the sensor</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="123" />
        <source>请抬起手指</source>
        <translation>Lift the finger</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="168" />
        <source>已取消登记</source>
        <translation>Enrolment cancelled</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="170" />
        <source>指纹仪被拔出，请重新连接后再登记</source>
        <translation>The sensor was unplugged: reconnect it and enrol again</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="171" />
        <source>指纹仪出错（%1），请重试</source>
        <translation>Sensor error (%1): try again</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="189" />
        <source>正在保存到后台…</source>
        <translation>Saving to the back office…</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/enrolment.cpp" line="216" />
        <source>已登记%1</source>
        <translation>%1 enrolled</translation>
    </message>
</context>
<context>
    <name>FingerprintPanel</name>
    <message>
        <location filename="../qml/counter/FingerprintPanel.qml" line="22" />
        <source>指纹登记</source>
        <translation>Fingerprint enrolment</translation>
    </message>
    <message>
        <location filename="../qml/counter/FingerprintPanel.qml" line="38" />
        <source>请在手形图上选择要登记的手指（绿色为已登记）</source>
        <translation>Choose the finger to enrol on the hands (green: enrolled)</translation>
    </message>
    <message>
        <location filename="../qml/counter/FingerprintPanel.qml" line="39" />
        <source>%1（已登记，将重新登记）</source>
        <translation>%1 (enrolled; will be enrolled again)</translation>
    </message>
    <message>
        <location filename="../qml/counter/FingerprintPanel.qml" line="50" />
        <source>重新登记的原因（记入审计日志）</source>
        <translation>Reason for enrolling again (kept in the audit log)</translation>
    </message>
    <message>
        <location filename="../qml/counter/FingerprintPanel.qml" line="51" />
        <source>例如：指纹磨损，原登记无法比对</source>
        <translation>e.g. worn fingerprint, the old one no longer matches</translation>
    </message>
    <message>
        <location filename="../qml/counter/FingerprintPanel.qml" line="57" />
        <source>开始登记</source>
        <translation>Start enrolment</translation>
    </message>
    <message>
        <location filename="../qml/counter/FingerprintPanel.qml" line="65" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../qml/counter/FingerprintPanel.qml" line="89" />
        <source>第%1/%2次：%3</source>
        <translation>Scan %1 of %2: %3</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::GuidesModel</name>
    <message>
        <location filename="../kiosk/guides_model.cpp" line="43" />
        <source>网络未连接，暂时不能查看办事指南</source>
        <translation>Offline: service guides cannot be shown now</translation>
    </message>
    <message>
        <location filename="../kiosk/guides_model.cpp" line="70" />
        <source>网络暂时不通，请稍后再试</source>
        <translation>The network is down. Please try again later</translation>
    </message>
    <message>
        <location filename="../kiosk/guides_model.cpp" line="85" />
        <source>（原件%1份）</source>
        <translation> (original, %1)</translation>
    </message>
    <message>
        <location filename="../kiosk/guides_model.cpp" line="86" />
        <source>（复印件%1份）</source>
        <translation> (copy, %1)</translation>
    </message>
</context>
<context>
    <name>GuidesScreen</name>
    <message>
        <location filename="../qml/screens/GuidesScreen.qml" line="28" />
        <source>办事指南</source>
        <translation>Service guides</translation>
    </message>
    <message>
        <location filename="../qml/screens/GuidesScreen.qml" line="76" />
        <source>需要带的材料</source>
        <translation>What to bring</translation>
    </message>
    <message>
        <location filename="../qml/screens/GuidesScreen.qml" line="92" />
        <source>办理流程</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../qml/screens/GuidesScreen.qml" line="108" />
        <source>办理地点</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../qml/screens/GuidesScreen.qml" line="109" />
        <source>办理时限</source>
        <translation>How long</translation>
    </message>
    <message>
        <location filename="../qml/screens/GuidesScreen.qml" line="110" />
        <source>收费标准</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../qml/screens/GuidesScreen.qml" line="111" />
        <source>咨询电话</source>
        <translation>Enquiries</translation>
    </message>
    <message>
        <location filename="../qml/screens/GuidesScreen.qml" line="131" />
        <source>返回目录</source>
        <translation>Back to the list</translation>
    </message>
    <message>
        <location filename="../qml/screens/GuidesScreen.qml" line="131" />
        <source>返回首页</source>
        <translation>Back to the home screen</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::counter::HallMachines</name>
    <message>
        <location filename="../kiosk/counter/hall_machines.cpp" line="186" />
        <source>未登记到服务点</source>
        <translation>Not registered to a service point</translation>
    </message>
</context>
<context>
    <name>HallView</name>
    <message>
        <location filename="../qml/counter/HallView.qml" line="22" />
        <source>终端 %1 台，其中 %2 台失联</source>
        <translation>%1 terminals, %2 of them silent</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="30" />
        <source>刷新中…</source>
        <translation>Refreshing…</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="30" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="60" />
        <source>%1：申报%2，实际%3 %4</source>
        <translation>%1: declared %2, actual %3 %4</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="61" />
        <source>✓ 达标</source>
        <translation>✓ Meets the standard</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="61" />
        <source>✗ 未达标</source>
        <translation>✗ Below the standard</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="68" />
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="69" />
        <source>（缺）</source>
        <translation> (short)</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="95" />
        <source>%1 %2 · %3 · 最后心跳 %4%5</source>
        <translation>%1 %2 · %3 · last heartbeat %4%5</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="95" />
        <source>信息屏</source>
        <translation>Display</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="95" />
        <source>触摸屏</source>
        <translation>Touchscreen</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="96" />
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="97" />
        <source>（失联）</source>
        <translation> (silent)</translation>
    </message>
    <message>
        <location filename="../qml/counter/HallView.qml" line="107" />
        <source>读卡器 %1 · 指纹仪 %2 · 打印机 %3 · 身份证阅读器 %4 · 待发送 %5（需处理 %6）</source>
        <translation>Card reader %1 · Fingerprint sensor %2 · Printer %3 · ID card reader %4 · To send %5 (%6 for staff)</translation>
    </message>
</context>
<context>
    <name>HandDiagram</name>
    <message>
        <location filename="../qml/counter/HandDiagram.qml" line="80" />
        <source>左手</source>
        <translation>Left hand</translation>
    </message>
    <message>
        <location filename="../qml/counter/HandDiagram.qml" line="82" />
        <source>右手</source>
        <translation>Right hand</translation>
    </message>
</context>
<context>
    <name>HelpButton</name>
    <message>
        <location filename="../qml/screens/HelpButton.qml" line="9" />
        <source>已呼叫工作人员</source>
        <translation>Staff called</translation>
    </message>
    <message>
        <location filename="../qml/screens/HelpButton.qml" line="9" />
        <source>请工作人员帮助</source>
        <translation>Get staff help</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="31" />
        <source>请插入社保卡</source>
        <translation>Please insert your social security card</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="54" />
        <source>社保卡服务</source>
        <translation>Card services</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="54" />
        <source>启用 · 改密 · 挂失 · 解挂</source>
        <translation>Activate · Change PIN · Report loss · Cancel report</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="31" />
        <source>请把社保卡插入读卡器，芯片朝上</source>
        <translation>Insert your social security card into the reader, chip side up</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="59" />
        <source>我的社保</source>
        <translation>My social insurance</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="59" />
        <source>查缴费 · 打印参保证明</source>
        <translation>Contributions · print a statement</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="63" />
        <source>养老资格认证</source>
        <translation>Proof of life</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="63" />
        <source>按指纹，免跑腿</source>
        <translation>By fingerprint, no extra trips</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="66" />
        <source>就业信息</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="66" />
        <source>本乡镇招聘岗位</source>
        <translation>Vacancies in this township</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="69" />
        <source>办事指南</source>
        <translation>Service guides</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="69" />
        <source>一次告知，只跑一次</source>
        <translation>Everything you need, one visit</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="74" />
        <source>业务申请</source>
        <translation>Apply for services</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="74" />
        <source>失业登记 · 预约 · 上门服务</source>
        <translation>Unemployment · Booking · Home visit</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="89" />
        <source>卡丢了？不用带卡，马上临时挂失</source>
        <translation>Lost your card? Report it now, no card needed</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="121" />
        <source>标准字体</source>
        <translation>Standard text</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="121" />
        <source>大字模式</source>
        <translation>Large text</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="125" />
        <source>语音：开</source>
        <translation>Voice: on</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="125" />
        <source>语音：关</source>
        <translation>Voice: off</translation>
    </message>
    <message>
        <location filename="../qml/screens/HomeScreen.qml" line="130" />
        <source>语音提示已打开</source>
        <translation>Voice guidance is on</translation>
    </message>
</context>
<context>
    <name>IdCardHint</name>
    <message>
        <location filename="../qml/screens/IdCardHint.qml" line="15" />
        <source>身份证读卡区</source>
        <translation>ID card reader</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::IdCardMessages</name>
    <message>
        <location filename="../kiosk/idcard_messages.cpp" line="16" />
        <source>身份证没有读完，请把身份证平放在读卡区，读完前不要移动</source>
        <translation>The ID card was not read completely. Lay it flat on the reader and keep it still until it is read</translation>
    </message>
    <message>
        <location filename="../kiosk/idcard_messages.cpp" line="19" />
        <source>无法识别这张身份证上的信息，请用数字键输入身份证号码</source>
        <translation>The information on this ID card cannot be recognised. Please type the ID number on the number keys</translation>
    </message>
    <message>
        <location filename="../kiosk/idcard_messages.cpp" line="21" />
        <source>这张卡不是有效的居民身份证，请换一张，或用数字键输入</source>
        <translation>This is not a valid resident ID card. Try another card or type the number on the keypad</translation>
    </message>
    <message>
        <location filename="../kiosk/idcard_messages.cpp" line="27" />
        <source>身份证阅读器暂时不能使用，请用数字键输入身份证号码</source>
        <translation>The ID card reader is not available right now. Please type the ID number on the number keys</translation>
    </message>
    <message>
        <location filename="../kiosk/idcard_messages.cpp" line="34" />
        <source>这张身份证已过有效期（%1年%2月%3日到期），不能使用。请使用有效身份证，或到窗口办理</source>
        <translation>This ID card expired on %1-%2-%3 and cannot be used. Please use a valid ID card or go to the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/idcard_messages.cpp" line="40" />
        <source>已读取身份证：%1</source>
        <translation>ID card read: %1</translation>
    </message>
</context>
<context>
    <name>IdKeypad</name>
    <message>
        <location filename="../qml/components/IdKeypad.qml" line="26" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::IdNumberEntry</name>
    <message>
        <location filename="../kiosk/id_number_entry.cpp" line="63" />
        <source>号码应为18位，请核对</source>
        <translation>The number must have 18 characters; please check</translation>
    </message>
    <message>
        <location filename="../kiosk/id_number_entry.cpp" line="65" />
        <source>号码有误（最后一位校验不符），请逐位核对</source>
        <translation>The number is wrong (the last check character does not match); please check each digit</translation>
    </message>
    <message>
        <location filename="../kiosk/id_number_entry.cpp" line="67" />
        <source>号码中的出生日期不对，请核对</source>
        <translation>The date of birth in the number is wrong; please check</translation>
    </message>
    <message>
        <location filename="../kiosk/id_number_entry.cpp" line="69" />
        <source>号码有误，请核对</source>
        <translation>The number is wrong; please check</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <location filename="../qml/screens/IdleWarning.qml" line="19" />
        <source>您还在吗？请触摸屏幕继续办理</source>
        <translation>Are you still there? Touch the screen to continue</translation>
    </message>
    <message>
        <location filename="../qml/screens/IdleWarning.qml" line="30" />
        <source>您还在吗？%1秒后将返回首页</source>
        <translation>Are you still there? Back to the home screen in %1 s</translation>
    </message>
    <message>
        <location filename="../qml/screens/IdleWarning.qml" line="37" />
        <source>继续办理</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::JobsModel</name>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="36" />
        <source>%1–%2元/月</source>
        <translation>%1–%2 yuan/month</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="39" />
        <source>%1元/月起</source>
        <translation>from %1 yuan/month</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="41" />
        <source>最高%1元/月</source>
        <translation>up to %1 yuan/month</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="42" />
        <source>面议</source>
        <translation>negotiable</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="90" />
        <source>网络未连接，暂时不能查询招聘信息</source>
        <translation>Offline: job postings cannot be searched now</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="122" />
        <source>没有找到相关岗位，换个词试试</source>
        <translation>No matching jobs. Try another word</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="124" />
        <source>网络暂时不通，请稍后再试</source>
        <translation>The network is down. Please try again later</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="134" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="135" />
        <source>司机</source>
        <translation>Driver</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="136" />
        <source>保洁</source>
        <translation>Cleaner</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="137" />
        <source>焊工</source>
        <translation>Welder</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="138" />
        <source>厨师</source>
        <translation>Cook</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="139" />
        <source>保安</source>
        <translation>Security guard</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="140" />
        <source>会计</source>
        <translation>Accountant</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="141" />
        <source>护工</source>
        <translation>Carer</translation>
    </message>
    <message>
        <location filename="../kiosk/jobs_model.cpp" line="166" />
        <source>招聘%1人</source>
        <translation>%1 openings</translation>
    </message>
</context>
<context>
    <name>JobsScreen</name>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="21" />
        <source>就业信息</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="51" />
        <source>输入其他岗位名称…</source>
        <translation>Type another job…</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="58" />
        <source>收起键盘</source>
        <translation>Hide keyboard</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="58" />
        <source>打字搜索</source>
        <translation>Type to search</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="67" />
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="123" />
        <source>发布于%1</source>
        <translation>posted %1</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="169" />
        <source>招聘单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="170" />
        <source>工资待遇</source>
        <translation>Pay</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="171" />
        <source>招聘人数</source>
        <translation>Openings</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="172" />
        <source>任职要求</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="173" />
        <source>工作地点</source>
        <translation>Workplace</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="174" />
        <source>联系方式</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="175" />
        <source>截止日期</source>
        <translation>Closing date</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="194" />
        <source>扫码保存</source>
        <translation>Scan to keep</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="217" />
        <source>返回列表</source>
        <translation>Back to the list</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="217" />
        <source>返回首页</source>
        <translation>Back to the home screen</translation>
    </message>
    <message>
        <location filename="../qml/screens/JobsScreen.qml" line="230" />
        <source>我要应聘</source>
        <translation>Apply for this job</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::LossReport</name>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="117" />
        <source>请将身份证放在读卡区
或用数字键输入18位社会保障号码（身份证号）</source>
        <translation>Place your ID card on the reader
or type your ID number on the keys</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="118" />
        <source>请输入18位社会保障号码（身份证号）</source>
        <translation>Please type your 18-character ID number</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="120" />
        <source>请输入姓名：按拼音输入，再点选汉字</source>
        <translation>Type your name in pinyin, then touch the characters</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="122" />
        <source>请输入6位服务密码</source>
        <translation>Please enter your 6-digit service password</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="124" />
        <source>正在挂失，请稍候…</source>
        <translation>Reporting the loss, please wait…</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="126" />
        <source>挂失申请已保存，尚未生效</source>
        <translation>Loss report saved, not yet in effect</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="126" />
        <source>挂失成功</source>
        <translation>Loss reported</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="162" />
        <source>请先输入姓名</source>
        <translation>Please enter your name first</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="171" />
        <source>请输入6位数字</source>
        <translation>Please enter 6 digits</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="275" />
        <source>社保卡临时挂失申请（待提交）</source>
        <translation>Temporary loss report (not yet sent)</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="275" />
        <source>社保卡临时挂失回执</source>
        <translation>Receipt: social security card reported lost</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="281" />
        <source>网络未连接，暂时不能挂失。请拨打12333或到窗口办理</source>
        <translation>Offline: the loss cannot be reported here now. Please call 12333 or go to the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="326" />
        <source>网络中断，挂失申请已保存在本机（凭证号%1），网络恢复后自动提交。提交前挂失尚未生效，请尽快拨打12333电话挂失</source>
        <translation>The network is down. Your loss report is saved on this terminal (reference %1) and will be sent when the network returns. Until then it is not in effect: please call 12333 to report the loss now</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="331" />
        <source>挂失申请凭证号：%1</source>
        <translation>Loss report reference: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="332" />
        <location filename="../kiosk/loss_report.cpp" line="350" />
        <source>社会保障号码：%1</source>
        <translation>Social security number: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="333" />
        <location filename="../kiosk/loss_report.cpp" line="351" />
        <source>姓名：%1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="334" />
        <source>状态：已保存，待网络恢复后提交，尚未生效</source>
        <translation>Status: saved, to be sent when the network returns, not yet in effect</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="334" />
        <source>请尽快拨打12333电话挂失</source>
        <translation>Please call 12333 to report the loss now</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="343" />
        <source>挂失受理号：%1。卡片已临时挂失，%2自动解除；找回后插卡输入密码即可解挂，需要补卡请到窗口办理</source>
        <translation>Report number: %1. The card is temporarily reported lost until %2. If you find it, insert it and enter the PIN to cancel the report; for a new card go to the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="349" />
        <source>挂失受理号：%1</source>
        <translation>Report number: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="352" />
        <source>临时挂失，%1自动解除</source>
        <translation>Temporarily reported lost; lifts itself on %1</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="353" />
        <source>找回卡片后插卡输入密码即可解挂；补卡请到窗口办理</source>
        <translation>If you find the card, insert it and enter the PIN to cancel the report; for a new card go to the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="364" />
        <source>号码、姓名或服务密码不正确，请核对后重试</source>
        <translation>The number, name or service password is wrong; please check and try again</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="370" />
        <source>您的社保卡当前不能临时挂失（可能尚未启用或已正式挂失），请到窗口办理</source>
        <translation>Your card cannot be reported lost here now (not activated yet, or already formally reported); please go to the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/loss_report.cpp" line="378" />
        <source>网络暂时不通，挂失没有完成。请稍后再试，或拨打12333</source>
        <translation>The network is down and the loss was not reported. Please try again later or call 12333</translation>
    </message>
</context>
<context>
    <name>LossReportScreen</name>
    <message>
        <location filename="../qml/screens/LossReportScreen.qml" line="38" />
        <source>社保卡临时挂失</source>
        <translation>Report a lost card</translation>
    </message>
    <message>
        <location filename="../qml/screens/LossReportScreen.qml" line="145" />
        <source>返回首页</source>
        <translation>Back to the home screen</translation>
    </message>
    <message>
        <location filename="../qml/screens/LossReportScreen.qml" line="145" />
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/screens/LossReportScreen.qml" line="168" />
        <source>打印回执</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <location filename="../qml/screens/LossReportScreen.qml" line="182" />
        <source>下一步</source>
        <translation>Next</translation>
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
    <name>NoticeSlide</name>
    <message>
        <location filename="../qml/components/NoticeSlide.qml" line="13" />
        <source>办事指南</source>
        <translation>Service guides</translation>
    </message>
    <message>
        <location filename="../qml/components/NoticeSlide.qml" line="13" />
        <source>通知公告</source>
        <translation>Notices</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::counter::PersonFile</name>
    <message>
        <location filename="../kiosk/counter/person_file.cpp" line="85" />
        <source>请输入18位身份证号码</source>
        <translation>Please enter the 18-character ID number</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/person_file.cpp" line="90" />
        <source>身份证号码不正确（应为18位，末位为校验码）</source>
        <translation>Wrong ID number (it has 18 characters, the last one a check character)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/person_file.cpp" line="146" />
        <source>请把身份证放在阅读器上</source>
        <translation>Place the ID card on the reader</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/person_file.cpp" line="147" />
        <source>身份证阅读器没有连接</source>
        <translation>The ID card reader is not connected</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/person_file.cpp" line="149" />
        <source>身份证未通过验证</source>
        <translation>The ID card failed verification</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/person_file.cpp" line="150" />
        <source>读身份证失败，请重放后再试</source>
        <translation>The ID card could not be read: place it again</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/person_file.cpp" line="173" />
        <source>查看完整身份信息须填写原因</source>
        <translation>A reason is required to see the full identity</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/person_file.cpp" line="340" />
        <source>未知的操作</source>
        <translation>Unknown action</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/person_file.cpp" line="345" />
        <source>请填写办理原因（例如：本人持身份证申请）</source>
        <translation>Please enter the reason (e.g. applied in person with ID card)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/person_file.cpp" line="371" />
        <source>已办理：卡号 %1 现为“%2”</source>
        <translation>Done: card %1 is now “%2”</translation>
    </message>
</context>
<context>
    <name>PersonView</name>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="15" />
        <source>协助启用</source>
        <translation>Assist activation</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="16" />
        <source>办理正式挂失</source>
        <translation>Record formal loss</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="17" />
        <source>解挂</source>
        <translation>Lift loss report</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="18" />
        <source>补换卡申请</source>
        <translation>Request replacement</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="19" />
        <source>注销</source>
        <translation>Cancel card</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="34" />
        <source>身份证号码 / 社会保障号码</source>
        <translation>ID number / social security number</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="35" />
        <source>18位号码，输入后按回车</source>
        <translation>18 characters, then press Enter</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="42" />
        <source>查询</source>
        <translation>Look up</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="49" />
        <source>读身份证</source>
        <translation>Read ID card</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="56" />
        <source>读社保卡</source>
        <translation>Read card</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="65" />
        <source>正在读卡…</source>
        <translation>Reading the card…</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="66" />
        <source>正在查询…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="83" />
        <source>卡号 %1 的启用还没有报送后台（连接恢复后自动补报）</source>
        <translation>The activation of card %1 has not reached the back office yet (reported automatically when the connection returns)</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="94" />
        <source>补报启用</source>
        <translation>Report activation</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="114" />
        <source>人员信息</source>
        <translation>Personal details</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="120" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="125" />
        <source>社会保障号码</source>
        <translation>Social security number</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="128" />
        <source>参保地</source>
        <translation>Insured in</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="130" />
        <source>养老金首次发放</source>
        <translation>First pension payment</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="131" />
        <location filename="../qml/counter/PersonView.qml" line="168" />
        <location filename="../qml/counter/PersonView.qml" line="169" />
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="134" />
        <source>服务密码</source>
        <translation>Service password</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="135" />
        <source>已设置</source>
        <translation>Set</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="135" />
        <source>未设置</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="142" />
        <source>显示完整信息</source>
        <translation>Show full details</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="149" />
        <source>隐藏完整信息</source>
        <translation>Hide full details</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="158" />
        <source>养老金资格认证</source>
        <translation>Pension proof of life</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="164" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="167" />
        <source>养老金</source>
        <translation>Pension</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="168" />
        <source>本期认证有效至</source>
        <translation>Certified until</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="169" />
        <source>最近一次认证</source>
        <translation>Last certified</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="172" />
        <source>已登记指纹</source>
        <translation>Enrolled fingers</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="173" />
        <source>未登记</source>
        <translation>None enrolled</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="178" />
        <source>%1 在 %2 认证%3</source>
        <translation>%1 certified at %2%3</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="179" />
        <source>（恢复发放）</source>
        <translation> (pension resumed)</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="191" />
        <source>社保卡</source>
        <translation>Social security cards</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="196" />
        <source>没有卡</source>
        <translation>No card</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="215" />
        <source>卡号 %1 · %2 · 发卡 %3 · 有效期至 %4%5</source>
        <translation>Card %1 · %2 · issued %3 · valid until %4%5</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="217" />
        <source>（已过期）</source>
        <translation> (expired)</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="248" />
        <source>参保概况</source>
        <translation>Insurance summary</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="253" />
        <source>没有参保记录</source>
        <translation>No insurance records</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="262" />
        <source>%1（%2起参保）</source>
        <translation>%1 (insured since %2)</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="278" />
        <source>卡状态记录</source>
        <translation>Card status history</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="285" />
        <source>%1 卡号 %2：%3 → %4（%5，%6）</source>
        <translation>%1 card %2: %3 → %4 (%5, %6)</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="297" />
        <source>申请记录</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="303" />
        <source>没有申请</source>
        <translation>No applications</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="310" />
        <source>%1 %2 · %3 · %4 · 期限 %5</source>
        <translation>%1 %2 · %3 · %4 · due %5</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="341" />
        <source>查看完整身份信息将记入审计日志。请填写原因。</source>
        <translation>Seeing the full identity is recorded in the audit log. Please give a reason.</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="351" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="352" />
        <source>例如：核对身份证原件</source>
        <translation>e.g. checking the original ID card</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="359" />
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="368" />
        <location filename="../qml/counter/PersonView.qml" line="431" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="395" />
        <source>确认办理：%1（卡号 %2）</source>
        <translation>Confirm: %1 (card %2)</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="407" />
        <source>办理原因（记入卡状态记录）</source>
        <translation>Reason (kept in the card status history)</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="408" />
        <source>例如：本人持身份证申请</source>
        <translation>e.g. applied in person with ID card</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="423" />
        <source>正在办理…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="423" />
        <source>确认办理</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../qml/counter/PersonView.qml" line="431" />
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../qml/components/PinPad.qml" line="55" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../qml/components/PinPad.qml" line="70" />
        <source>确认</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::PinRules</name>
    <message>
        <location filename="../kiosk/pin_rules.cpp" line="14" />
        <source>请输入6位数字</source>
        <translation>Please enter 6 digits</translation>
    </message>
    <message>
        <location filename="../kiosk/pin_rules.cpp" line="21" />
        <source>不能使用初始密码123456</source>
        <translation>The initial PIN 123456 cannot be used</translation>
    </message>
    <message>
        <location filename="../kiosk/pin_rules.cpp" line="23" />
        <source>密码不能是相同的数字</source>
        <translation>The PIN cannot be one digit repeated</translation>
    </message>
    <message>
        <location filename="../kiosk/pin_rules.cpp" line="25" />
        <source>密码不能是连续的数字</source>
        <translation>The PIN cannot be consecutive digits</translation>
    </message>
    <message>
        <location filename="../kiosk/pin_rules.cpp" line="27" />
        <source>密码不能是您的出生日期</source>
        <translation>The PIN cannot be your date of birth</translation>
    </message>
    <message>
        <location filename="../kiosk/pin_rules.cpp" line="29" />
        <source>新密码不能与原密码相同</source>
        <translation>The new PIN must differ from the old one</translation>
    </message>
    <message>
        <location filename="../kiosk/pin_rules.cpp" line="40" />
        <source>服务密码不能与卡密码相同</source>
        <translation>The service password cannot be the same as the PIN</translation>
    </message>
    <message>
        <location filename="../kiosk/pin_rules.cpp" line="44" />
        <source>%1，请重新设置</source>
        <translation>%1. Please choose another</translation>
    </message>
</context>
<context>
    <name>PinyinKeyboard</name>
    <message>
        <location filename="../qml/components/PinyinKeyboard.qml" line="64" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../kiosk/receipt.cpp" line="42" />
        <source>办理时间：%1</source>
        <translation>Time: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/receipt.cpp" line="43" />
        <source>请妥善保管本回执。咨询电话 12333</source>
        <translation>Please keep this receipt. Enquiries: 12333</translation>
    </message>
    <message>
        <location filename="../kiosk/applications/applications_submit.cpp" line="27" />
        <source>%1年%2月%3日</source>
        <translation>%1-%2-%3</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="49" />
        <source>待办申请（%1 件，%2 件即将或已经到期）</source>
        <translation>Open applications (%1; %2 due soon or overdue)</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="59" />
        <source>刷新中…</source>
        <translation>Refreshing…</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="59" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="89" />
        <source>%1 请求帮助（%2，%3）</source>
        <translation>%1 asks for help (%2, %3)</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="98" />
        <source>已前往</source>
        <translation>On my way</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="129" />
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="137" />
        <source>期限 %1%2 · %3</source>
        <translation>Due %1%2 · %3</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="138" />
        <source>（已超期）</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="138" />
        <source>（即将到期）</source>
        <translation> (due soon)</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="139" />
        <source>经办人 %1</source>
        <translation>Handled by %1</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="139" />
        <location filename="../qml/counter/QueueView.qml" line="175" />
        <source>未认领</source>
        <translation>Unclaimed</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="168" />
        <source>申请 %1 · %2</source>
        <translation>Application %1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="169" />
        <source>请从左侧选择一件申请</source>
        <translation>Choose an application on the left</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="170" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="171" />
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="172" />
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="173" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="174" />
        <source>提交 / 期限</source>
        <translation>Submitted / due</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="175" />
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="176" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="188" />
        <source>%1 %2：%3 → %4 %5</source>
        <translation>%1 %2: %3 → %4 %5</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="205" />
        <source>原因 / 备注（不予受理、补充材料时必填，申请人可见）</source>
        <translation>Reason / note (required to reject or ask for more info; the applicant sees it)</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="221" />
        <source>认领</source>
        <translation>Claim</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="222" />
        <source>接手</source>
        <translation>Take over</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="223" />
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="224" />
        <source>补充材料</source>
        <translation>More info</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="225" />
        <source>不予受理</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="226" />
        <source>办结</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../qml/counter/QueueView.qml" line="227" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>RatingPanel</name>
    <message>
        <location filename="../qml/screens/RatingPanel.qml" line="43" />
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../qml/screens/RatingPanel.qml" line="44" />
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../qml/screens/RatingPanel.qml" line="45" />
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../qml/screens/RatingPanel.qml" line="46" />
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../qml/screens/RatingPanel.qml" line="47" />
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../qml/screens/RatingPanel.qml" line="122" />
        <source>不评价</source>
        <translation>Skip rating</translation>
    </message>
    <message>
        <location filename="../qml/screens/RatingPanel.qml" line="131" />
        <source>提交评价</source>
        <translation>Send rating</translation>
    </message>
</context>
<context>
    <name>RecordsScreen</name>
    <message>
        <location filename="../qml/screens/RecordsScreen.qml" line="24" />
        <source>我的社保</source>
        <translation>My social insurance</translation>
    </message>
    <message>
        <location filename="../qml/screens/RecordsScreen.qml" line="65" />
        <source>上一年</source>
        <translation>Earlier year</translation>
    </message>
    <message>
        <location filename="../qml/screens/RecordsScreen.qml" line="84" />
        <source>下一年</source>
        <translation>Later year</translation>
    </message>
    <message>
        <location filename="../qml/screens/RecordsScreen.qml" line="207" />
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/screens/RecordsScreen.qml" line="215" />
        <source>打印参保证明</source>
        <translation>Print certificate</translation>
    </message>
    <message>
        <location filename="../qml/screens/RecordsScreen.qml" line="224" />
        <source>打印本年记录</source>
        <translation>Print this year</translation>
    </message>
    <message>
        <location filename="../qml/screens/RecordsScreen.qml" line="235" />
        <source>朗读</source>
        <translation>Read aloud</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::RecordsView</name>
    <message>
        <location filename="../kiosk/records_view.cpp" line="143" />
        <source>查询已超过5分钟，请返回后重新验证指纹</source>
        <translation>More than 5 minutes have passed. Go back and confirm your fingerprint again</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="144" />
        <source>查询已超过5分钟，请返回后重新输入密码</source>
        <translation>More than 5 minutes have passed; go back and enter your PIN again</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="161" />
        <source>本机不能打印证明，请到服务窗口打印。</source>
        <translation>This terminal cannot print certificates. Please ask at the counter.</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="170" />
        <source>正在出具证明，请稍候…</source>
        <translation>Issuing the certificate, please wait…</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="196" />
        <source>正在打印，请稍候…</source>
        <translation>Printing, please wait…</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="204" />
        <source>证明已打印，请取走。证明编号 %1</source>
        <translation>Printed — please take your certificate. Number %1</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="221" />
        <source>企业职工基本养老保险</source>
        <translation>Employee pension insurance</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="223" />
        <source>城乡居民基本养老保险</source>
        <translation>Resident pension insurance</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="225" />
        <source>失业保险</source>
        <translation>Unemployment insurance</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="227" />
        <source>工伤保险</source>
        <translation>Work injury insurance</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="229" />
        <source>职工基本医疗保险</source>
        <translation>Employee medical insurance</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="231" />
        <source>城乡居民基本医疗保险</source>
        <translation>Resident medical insurance</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="233" />
        <source>其他险种</source>
        <translation>Other insurance</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="240" />
        <source>基本养老金</source>
        <translation>Basic pension</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="242" />
        <source>城乡居民养老金</source>
        <translation>Resident pension</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="244" />
        <source>失业保险金</source>
        <translation>Unemployment benefit</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="246" />
        <source>工伤保险待遇</source>
        <translation>Work injury benefit</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="248" />
        <source>其他待遇</source>
        <translation>Other benefit</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="253" />
        <source>%1元</source>
        <translation>%1 yuan</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="260" />
        <source>正在领取待遇</source>
        <translation>receiving benefits</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="263" />
        <source>正常参保</source>
        <translation>contributing</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="266" />
        <source>中断缴费</source>
        <translation>contributions stopped</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="270" />
        <source>累计缴费%1年%2个月</source>
        <translation>paid for %1 years %2 months</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="272" />
        <source>累计缴费%1年</source>
        <translation>paid for %1 years</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="274" />
        <source>累计缴费%1个月</source>
        <translation>paid for %1 months</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="277" />
        <source>本月已缴</source>
        <translation>this month paid</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="278" />
        <source>最近缴到%1</source>
        <translation>paid up to %1</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="281" />
        <source>欠缴%1个月</source>
        <translation>%1 months owed</translation>
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
        <translation>No insurance records were found; please ask at the counter</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="299" />
        <source>。</source>
        <translation>. </translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="303" />
        <source>%1年缴费情况</source>
        <translation>Contributions in %1</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="323" />
        <source>%1月</source>
        <translation>M%1</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="327" />
        <source>已缴</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="328" />
        <source>欠缴</source>
        <translation>Owed</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="329" />
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="348" />
        <source>%1年没有缴费记录</source>
        <translation>No contributions recorded in %1</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="349" />
        <source>%1年已缴%2个月</source>
        <translation>%1: %2 months paid</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="351" />
        <source>，欠缴%1个月</source>
        <translation>, %1 months owed</translation>
    </message>
    <message>
        <location filename="../kiosk/records_view.cpp" line="358" />
        <source>%1 %2 %3，%4日发放到%5</source>
        <translation>%1 %2 %3, paid on day %4 to %5</translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <location filename="../qml/counter/SignInView.qml" line="19" />
        <source>人社窗口工作站 · 工作人员登录</source>
        <translation>Social Security Counter Workstation · Staff sign-in</translation>
    </message>
    <message>
        <location filename="../qml/counter/SignInView.qml" line="22" />
        <source>请输入您的工作人员密钥口令。连续输错3次，密钥将被锁定数分钟。</source>
        <translation>Please enter your staff key passphrase. After 3 wrong tries in a row the key is locked for a few minutes.</translation>
    </message>
    <message>
        <location filename="../qml/counter/SignInView.qml" line="33" />
        <source>密钥口令</source>
        <translation>Key passphrase</translation>
    </message>
    <message>
        <location filename="../qml/counter/SignInView.qml" line="42" />
        <source>密钥已锁定，%1秒后可再试</source>
        <translation>The key is locked. Try again in %1 s</translation>
    </message>
    <message>
        <location filename="../qml/counter/SignInView.qml" line="54" />
        <source>正在验证…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../qml/counter/SignInView.qml" line="54" />
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::counter::StaffMessages</name>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="8" />
        <source>与后台的连接已中断，操作未执行。请在连接恢复后重试。</source>
        <translation>The connection to the back office is down; nothing was done. Please try again once it is back.</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="18" />
        <source>登记库中没有这个人员</source>
        <translation>This person is not in the register</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="20" />
        <source>登记库中没有这张卡</source>
        <translation>This card is not in the register</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="22" />
        <source>不属于您所辖区域，无权查看或办理</source>
        <translation>Outside your area: you may not see or handle this</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="24" />
        <source>此证书不是工作人员证书</source>
        <translation>This is not a staff certificate</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="26" />
        <source>卡片当前状态不能办理此项操作</source>
        <translation>Not possible in the card's current status</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="28" />
        <source>申请的当前状态不允许此操作（或已由其他工作人员受理）</source>
        <translation>Not possible in the application's current status (or another staff member has already accepted it)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="30" />
        <source>身份证号码格式不正确</source>
        <translation>The ID number is not in the right format</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="32" />
        <source>填写的内容不符合要求</source>
        <translation>What was entered does not meet the requirements</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="34" />
        <source>操作过于频繁，请稍后再试</source>
        <translation>Too many requests. Please try again later</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="39" />
        <source>后台不接受此证书（已吊销或已过期）</source>
        <translation>The back office does not accept this certificate (revoked or expired)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="41" />
        <source>没有找到</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_link.cpp" line="42" />
        <source>后台拒绝了此操作（%1）</source>
        <translation>The back office refused this (%1)</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::counter::StaffText</name>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="16" />
        <source>已发放（待启用）</source>
        <translation>Issued (not yet activated)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="18" />
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="20" />
        <source>临时挂失</source>
        <translation>Temporarily reported lost</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="22" />
        <source>正式挂失</source>
        <translation>Formally reported lost</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="24" />
        <source>补换卡申请中</source>
        <translation>Replacement requested</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="26" />
        <source>已补换</source>
        <translation>Replaced</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="28" />
        <source>已注销</source>
        <translation>Cancelled</translation>
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
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="39" />
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="41" />
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="43" />
        <source>需补充材料</source>
        <translation>More info needed</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="45" />
        <location filename="../kiosk/counter/staff_text.cpp" line="79" />
        <source>不予受理</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="47" />
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="56" />
        <source>失业登记</source>
        <translation>Unemployment registration</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="58" />
        <source>就业登记</source>
        <translation>Employment registration</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="60" />
        <source>岗位申请</source>
        <translation>Job application</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="62" />
        <source>预约</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="64" />
        <source>上门服务</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="66" />
        <source>差评回访</source>
        <translation>Poor rating follow-up</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="74" />
        <source>提交</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="75" />
        <source>认领</source>
        <translation>Claim</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="76" />
        <source>接手</source>
        <translation>Take over</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="77" />
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="78" />
        <source>要求补充材料</source>
        <translation>Asked for more info</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="80" />
        <source>办结</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="81" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="92" />
        <source>无需认证</source>
        <translation>Not required</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="94" />
        <source>已认证</source>
        <translation>Certified</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="96" />
        <source>待认证（本期即将到期）</source>
        <translation>Due (this period ends soon)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="98" />
        <source>逾期未认证（养老金暂停发放）</source>
        <translation>Overdue (pension suspended)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="107" />
        <source>未领取养老金</source>
        <translation>No pension</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="109" />
        <source>正常发放</source>
        <translation>Being paid</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="111" />
        <source>暂停发放</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="118" />
        <source>左手拇指</source>
        <translation>Left thumb</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="118" />
        <source>左手食指</source>
        <translation>Left index finger</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="119" />
        <source>左手中指</source>
        <translation>Left middle finger</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="119" />
        <source>左手无名指</source>
        <translation>Left ring finger</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="120" />
        <source>左手小指</source>
        <translation>Left little finger</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="120" />
        <source>右手拇指</source>
        <translation>Right thumb</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="121" />
        <source>右手食指</source>
        <translation>Right index finger</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="121" />
        <source>右手中指</source>
        <translation>Right middle finger</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="122" />
        <source>右手无名指</source>
        <translation>Right ring finger</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="122" />
        <source>右手小指</source>
        <translation>Right little finger</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="131" />
        <source>工作正常</source>
        <translation>Working</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="133" />
        <source>未连接</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="135" />
        <source>故障</source>
        <translation>Fault</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="137" />
        <source>未报告</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="144" />
        <source>触摸屏</source>
        <translation>Touchscreen</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="146" />
        <source>信息发布屏面积（平方米）</source>
        <translation>Display area (m²)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="148" />
        <source>社保卡读卡器</source>
        <translation>Card readers</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="150" />
        <source>指纹识别设备</source>
        <translation>Fingerprint sensors</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="152" />
        <source>打印机</source>
        <translation>Printers</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="154" />
        <source>身份证阅读器</source>
        <translation>ID card readers</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="163" />
        <source>一类</source>
        <translation>Class I</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="165" />
        <source>二类</source>
        <translation>Class II</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="167" />
        <source>三类</source>
        <translation>Class III</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/staff_text.cpp" line="169" />
        <source>不达标</source>
        <translation>Below the standard</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::StatementPrinter</name>
    <message>
        <location filename="../kiosk/statement_printer.cpp" line="97" />
        <source>打印机缺纸，暂时不能打印。请到服务窗口打印证明。</source>
        <translation>The printer is out of paper. Please ask at the counter for your certificate.</translation>
    </message>
    <message>
        <location filename="../kiosk/statement_printer.cpp" line="99" />
        <source>打印机卡纸，暂时不能打印。请到服务窗口打印证明。</source>
        <translation>The printer is jammed. Please ask at the counter for your certificate.</translation>
    </message>
    <message>
        <location filename="../kiosk/statement_printer.cpp" line="102" />
        <source>打印机暂停服务，暂时不能打印。请到服务窗口打印证明。</source>
        <translation>The printer is out of service. Please ask at the counter for your certificate.</translation>
    </message>
    <message>
        <location filename="../kiosk/statement_printer.cpp" line="104" />
        <source>正在检查打印机…</source>
        <translation>Checking the printer…</translation>
    </message>
    <message>
        <location filename="../kiosk/statement_printer.cpp" line="108" />
        <source>本机没有打印机。请到服务窗口打印证明。</source>
        <translation>This terminal has no printer. Please ask at the counter for your certificate.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../qml/components/StatusBar.qml" line="41" />
        <source>待上报 %1</source>
        <translation>%1 to send</translation>
    </message>
    <message>
        <location filename="../qml/components/StatusBar.qml" line="52" />
        <source>%1 项请工作人员处理</source>
        <translation>%1 for staff</translation>
    </message>
    <message>
        <location filename="../qml/components/StatusBar.qml" line="63" />
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../qml/components/StatusBar.qml" line="63" />
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../qml/components/StatusBar.qml" line="63" />
        <source>离线</source>
        <translation>Offline</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::counter::WorkQueue</name>
    <message>
        <location filename="../kiosk/counter/work_queue.cpp" line="195" />
        <source>请先在左侧选择一件申请</source>
        <translation>First choose an application on the left</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/work_queue.cpp" line="242" />
        <source>已认领</source>
        <translation>Claimed</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/work_queue.cpp" line="252" />
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/work_queue.cpp" line="255" />
        <source>已通知申请人补充材料</source>
        <translation>The applicant has been asked for more info</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/work_queue.cpp" line="258" />
        <source>已作不予受理处理</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/work_queue.cpp" line="261" />
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/work_queue.cpp" line="263" />
        <source>未知的操作</source>
        <translation>Unknown action</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/work_queue.cpp" line="271" />
        <source>不予受理或要求补充材料时，必须填写原因（申请人会看到）</source>
        <translation>A reason is required to reject or ask for more info (the applicant will see it)</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/work_queue.cpp" line="276" />
        <source>原因最多200字</source>
        <translation>The reason can be at most 200 characters</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/work_queue.cpp" line="292" />
        <source>备注应为1至500字</source>
        <translation>A note must be 1 to 500 characters</translation>
    </message>
    <message>
        <location filename="../kiosk/counter/work_queue.cpp" line="301" />
        <source>备注已保存</source>
        <translation>Note saved</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::RecordsView</name>
    <message>
        <location filename="../kiosk/records_view.cpp" line="38" />
        <source>%1年%2月</source>
        <translation>%1-%2</translation>
    </message>
</context>
<context>
    <name>renshe::kiosk::StatementPrinter</name>
    <message>
        <location filename="../kiosk/statement_printer.cpp" line="47" />
        <source>打印失败，请到服务窗口打印。</source>
        <translation>Printing failed. Please ask at the counter.</translation>
    </message>
    <message>
        <location filename="../kiosk/statement_printer.cpp" line="53" />
        <source>打印机未能完成打印，请联系工作人员。</source>
        <translation>The printer did not finish. Please ask a member of staff.</translation>
    </message>
    <message>
        <location filename="../kiosk/statement_printer.cpp" line="152" />
        <source>证明未能生成，请到服务窗口打印。</source>
        <translation>The certificate could not be made. Please ask at the counter.</translation>
    </message>
    <message>
        <location filename="../kiosk/statement_printer.cpp" line="165" />
        <source>打印机暂停服务，请到服务窗口打印。</source>
        <translation>The printer is out of service. Please ask at the counter.</translation>
    </message>
</context>
</TS>